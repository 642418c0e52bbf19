# openai.embeddings_utils on openai>=1.0.
import numpy as np
import openai
# expect: embeddings-utils-removed
from openai.embeddings_utils import cosine_similarity, get_embedding
# expect: embeddings-utils-removed
import openai.embeddings_utils as eu
# ok: embeddings-utils-removed
from sklearn.metrics.pairwise import cosine_similarity as sk_cosine
# ok: embeddings-utils-removed
from mypackage.embeddings_utils import get_embedding as local_embedding
# ok: embeddings-utils-removed
from openai import OpenAI

client = OpenAI()


def embed(text: str) -> list[float]:
    return client.embeddings.create(input=[text], model="text-embedding-3-small").data[0].embedding


def similarity(a, b) -> float:
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))
