# Legacy chains imported from langchain-classic still run (deprecated): warnings only.
from langchain_classic.chains import LLMChain
from langchain_openai import ChatOpenAI

model = ChatOpenAI(model="gpt-4o-mini")
# expect: llmchain-deprecated
chain = LLMChain(llm=model, prompt=None)
# expect: chain-run-deprecated
chain.run("x")
# ok: langchain-module-removed
from langchain_classic.memory import ConversationBufferMemory
