# expect: failed
# message: Was a piece copied
# Slices the array itself: `numbers[a:b]` is a new array, a copy, so the
# updates never reach the caller's numbers.

import threading


def update_in_place(numbers, threads, update):
    piece_len = max(1, -(-len(numbers) // threads))
    pieces = [numbers[start : start + piece_len] for start in range(0, len(numbers), piece_len)]
    workers = [threading.Thread(target=update, args=(piece,)) for piece in pieces]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
