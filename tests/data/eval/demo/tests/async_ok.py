import asyncio


async def handler():
    # ok: no-sleep
    await asyncio.sleep(1)
