# LangChain 1.x code, and other libraries' predict/run/call, in files importing langchain.
from langchain.agents import AgentState, create_agent
from langchain.chat_models import init_chat_model
from langchain.embeddings import init_embeddings
from langchain.messages import HumanMessage
from langchain.tools import tool
from langchain_classic.chains import RetrievalQA
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI, OpenAIEmbeddings
from sklearn.linear_model import LinearRegression
import subprocess

# ok: langchain-openai-import-moved
from langchain_openai import OpenAI
# ok: langchain-module-removed
from langchain.tools import BaseTool
# ok: langchain-module-removed
import langchain.chat_models
# ok: langchain-agents-legacy-removed
from langchain.agents.middleware import SummarizationMiddleware
# ok: langchain-community-openai-deprecated
from langchain_community.vectorstores import FAISS
# ok: langchain-community-openai-deprecated
from langchain_community.chat_models import ChatOllama

model = ChatOpenAI(model="gpt-4o-mini")
prompt = ChatPromptTemplate.from_template("Tell me about {topic}")
chain = prompt | model | StrOutputParser()
# ok: chain-run-deprecated
answer = chain.invoke({"topic": "bees"})
# ok: llm-call-removed
reply = model.invoke([HumanMessage(content="hi")])
# ok: llm-predict-removed
text = model.invoke("Hello").content
# ok: llmchain-deprecated
runnable = prompt | model

regressor = LinearRegression()
# ok: llm-predict-removed
y = regressor.predict([[1.0]])
# ok: chain-run-deprecated
subprocess.run(["ls"], check=True)
# ok: llm-call-removed
factory = init_chat_model
# ok: llm-call-removed
chat = init_chat_model("openai:gpt-4o-mini")
# ok: llm-call-removed
embeddings = OpenAIEmbeddings()
