# expect: failed
# message: he must hear Missed(3) in their place
# Skips a lag silently: the subscriber never learns that it missed messages.


async def listen(room):
    heard = []
    while True:
        try:
            heard.append(("message", await room.recv()))
        except room.Lagged:
            continue
        except room.Closed:
            return heard
