"""An LLM assistant over the catalogue (LangChain 1.x, LCEL)."""

from __future__ import annotations

from langchain.agents import create_agent
from langchain.chat_models import init_chat_model
from langchain.tools import tool
from langchain_core.documents import Document
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.runnables import RunnablePassthrough
from langchain_openai import ChatOpenAI, OpenAIEmbeddings
from langchain_text_splitters import RecursiveCharacterTextSplitter

from .config import Settings

SUMMARY_PROMPT = ChatPromptTemplate.from_messages(
    [
        ("system", "You write short, factual product descriptions."),
        ("human", "Describe this product in two sentences:\n{details}"),
    ]
)


class CatalogueAssistant:
    def __init__(self, settings: Settings) -> None:
        self.model = ChatOpenAI(model=settings.openai_model, temperature=0, timeout=30)
        self.embeddings = OpenAIEmbeddings(model="text-embedding-3-small")
        self.splitter = RecursiveCharacterTextSplitter(chunk_size=800, chunk_overlap=80)
        self.describe_chain = SUMMARY_PROMPT | self.model | StrOutputParser()

    def describe(self, details: str) -> str:
        return self.describe_chain.invoke({"details": details})

    def describe_many(self, items: list[str]) -> list[str]:
        return self.describe_chain.batch(
            [{"details": d} for d in items], config={"max_concurrency": 4}
        )

    def chunks(self, manual: str) -> list[Document]:
        return self.splitter.create_documents([manual])

    def embed(self, texts: list[str]) -> list[list[float]]:
        return self.embeddings.embed_documents(texts)

    def ask(self, question: str) -> str:
        message = self.model.invoke(question)
        return message.content


@tool
def stock_level(sku: str) -> str:
    """Return the stock level for a SKU."""
    return f"{sku}: 12 units"


def build_agent(model_name: str):
    return create_agent(
        init_chat_model(f"openai:{model_name}"),
        tools=[stock_level],
        system_prompt="You answer questions about inventory.",
    )


def answer_with_context(question: str, context: str, model_name: str) -> str:
    model = init_chat_model(model_name)
    prompt = ChatPromptTemplate.from_template("Context:\n{context}\n\nQuestion: {question}")
    chain = (
        {"context": lambda _: context, "question": RunnablePassthrough()}
        | prompt
        | model
        | StrOutputParser()
    )
    return chain.invoke(question)
