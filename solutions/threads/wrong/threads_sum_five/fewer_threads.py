# expect: failed
# message: a short vector
# Cuts the list into slices of ceil(len / 5) numbers: five slices for a million
# numbers, but only four for seven numbers (2 + 2 + 2 + 1), so only four
# threads. The exercise asks for five, whatever the length.

import threading


def sum_in_five_threads(numbers, sum_slice):
    size = max(1, -(-len(numbers) // 5))
    slices = [numbers[i : i + size] for i in range(0, len(numbers), size)]
    partial = [0] * len(slices)

    def run(i):
        partial[i] = sum_slice(slices[i])

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(slices))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(partial)
