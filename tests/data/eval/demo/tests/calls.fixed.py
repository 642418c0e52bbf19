import time

import demo


def handler():
    # expect: old-connect
    client = demo.connect("db://x")
    # ok: old-connect
    client = demo.connect("db://x")
    # expect: no-sleep
    time.sleep(1)
    return client
