# expect: failed
# message: the results must come back in the order of the inputs
# as_completed yields the futures in the order the jobs finish, not the order
# of the inputs.

from concurrent.futures import as_completed


def map_ordered(pool, inputs, f):
    return [future.result() for future in as_completed([pool.submit(f, x) for x in inputs])]
