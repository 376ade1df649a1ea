# expect: failed
# message: only 1 of 5 slices were being summed at the same time
# Starts each thread and joins it at once: the right total, summed one slice
# after another.

import threading


def sum_in_five_threads(numbers, sum_slice):
    n = len(numbers)
    partial = []
    for i in range(5):
        piece = numbers[i * n // 5 : (i + 1) * n // 5]
        thread = threading.Thread(target=lambda piece=piece: partial.append(sum_slice(piece)))
        thread.start()
        thread.join()
    return sum(partial)
