# LangChain 0.x code in a project on langchain 1.x.
# expect: langchain-openai-import-moved
from langchain_openai import ChatOpenAI
# expect: langchain-openai-import-moved
from langchain_openai import OpenAI
# expect: langchain-openai-import-moved
from langchain_openai import OpenAIEmbeddings, AzureOpenAIEmbeddings
# expect: langchain-community-openai-deprecated
from langchain_openai import ChatOpenAI as CommunityChat
# expect: langchain-community-openai-deprecated
from langchain_openai import OpenAIEmbeddings as CommunityEmbeddings
# expect: langchain-module-removed
from langchain.prompts import PromptTemplate
# expect: langchain-module-removed
from langchain.chains import LLMChain, RetrievalQA
# expect: langchain-module-removed
from langchain.text_splitter import RecursiveCharacterTextSplitter
# expect: langchain-module-removed
from langchain.vectorstores import FAISS
# expect: langchain-module-removed
from langchain.schema import HumanMessage
# expect: langchain-module-removed
import langchain.document_loaders as loaders
# expect: langchain-module-removed
from langchain.llms import HuggingFaceHub
# expect: langchain-agents-legacy-removed, langchain-agents-legacy-removed
from langchain.agents import initialize_agent, AgentType
# expect: langchain-agents-legacy-removed
from langchain.agents import AgentExecutor as Executor

llm = OpenAI(temperature=0)
chat = ChatOpenAI(model_name="gpt-3.5-turbo")

prompt = PromptTemplate.from_template("Tell me about {topic}")
# expect: llmchain-deprecated
chain = LLMChain(llm=llm, prompt=prompt)
# expect: chain-run-deprecated
answer = chain.run("bees")

qa = RetrievalQA.from_chain_type(llm=chat, retriever=None)
# expect: chain-run-deprecated
qa.run("question")

# expect: llm-call-removed
text = llm.invoke("Tell me a joke")
# expect: llm-call-removed
message = chat.invoke([HumanMessage(content="hi")])
# expect: llm-predict-removed
reply = chat.invoke("Hello")
# expect: llm-predict-removed
reply = chat.invoke([HumanMessage(content="hi")])


class Assistant:
    def __init__(self):
        self.model = ChatOpenAI(temperature=0)

    def ask(self, question):
        # expect: llm-predict-removed
        return self.model.invoke(question)
