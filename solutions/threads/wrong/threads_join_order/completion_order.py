# expect: failed
# message: the results must come back in the order of the jobs
# `as_completed` yields the futures in the order the jobs finish, not the order
# they were given.

from concurrent.futures import ThreadPoolExecutor, as_completed


def run_all(jobs):
    with ThreadPoolExecutor(max_workers=max(1, len(jobs))) as pool:
        return [f.result() for f in as_completed([pool.submit(job) for job in jobs])]
