# openai 0.x exception handling on openai>=1.0.
import time

import openai
# expect: error-module-import-removed
import openai.error
# expect: error-module-import-removed
from openai.error import ServiceUnavailableError, Timeout as OpenAITimeout
# expect: error-module-import-removed, invalid-request-error-renamed
from openai.error import InvalidRequestError

client = openai.OpenAI()


def ask(messages):
    try:
        return client.chat.completions.create(model="gpt-4o-mini", messages=messages)
    # expect: error-module-removed
    except openai.error.RateLimitError:
        time.sleep(1)
    # expect: error-module-removed
    except openai.error.AuthenticationError as error:
        raise SystemExit(str(error))
    # expect: invalid-request-error-renamed
    except openai.error.InvalidRequestError:
        return None
    # expect: invalid-request-error-renamed
    except InvalidRequestError:
        return None
    # expect: invalid-request-error-renamed
    except openai.InvalidRequestError:
        return None
    # expect: error-class-renamed
    except (openai.error.Timeout, openai.error.APIConnectionError):
        return None
    # expect: error-class-renamed
    except openai.error.APIError:
        return None
    # expect: error-module-removed
    except openai.error.OpenAIError:
        return None
    # Imported from openai.error: the import line is reported, not every use.
    # ok: error-class-renamed, error-module-removed
    except (ServiceUnavailableError, OpenAITimeout):
        return None


def ask_v1(messages):
    try:
        return client.chat.completions.create(model="gpt-4o-mini", messages=messages)
    # ok: error-module-removed
    except openai.RateLimitError:
        time.sleep(1)
    # ok: invalid-request-error-renamed
    except openai.BadRequestError:
        return None
    # ok: error-class-renamed
    except (openai.APITimeoutError, openai.APIConnectionError, openai.InternalServerError):
        return None
    # ok: error-class-renamed, error-module-removed
    except openai.APIError:
        return None


# Other libraries' `error` modules and classes with the same names.
import requests
from requests.exceptions import Timeout
# ok: error-module-import-removed
from botocore.exceptions import ClientError
# ok: error-class-renamed
except_types = (requests.exceptions.Timeout, Timeout, PermissionError)
# ok: error-module-removed
handler = logging.error.RateLimitError
