# expect: failed
# message: he must hear Missed(3) in their place
# Treats a lag like the end of the room: every later message is lost.


async def listen(room):
    heard = []
    while True:
        try:
            heard.append(("message", await room.recv()))
        except Exception:
            return heard
