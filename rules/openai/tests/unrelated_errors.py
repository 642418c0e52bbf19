# Another library's `error` module and its InvalidRequestError, in a file that imports openai.
import openai
# ok: error-module-import-removed, invalid-request-error-renamed
from stripe.error import InvalidRequestError
# ok: error-module-import-removed
import stripe.error as stripe_errors

client = openai.OpenAI()

try:
    charge = stripe.Charge.create(amount=100)
# ok: invalid-request-error-renamed, error-class-renamed
except (InvalidRequestError, stripe_errors.APIError):
    charge = None
