# A test file by its name (`test_*.py`): its helpers are test code too, as in
# openai-python's own tests/test_module_client.py.
import openai


def reset_state():
    openai._reset_client()
    # ok: module-api-key
    openai.api_key = None
    openai.organization = None


# ok: module-api-key
openai.api_key = "sk-test"
