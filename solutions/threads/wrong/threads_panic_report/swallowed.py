# expect: failed
# message: report it as ("error", "disk full")
# Swallows the exception: a job that raised is reported as ("ok", 0), the way
# a plain `threading.Thread` prints an exception and forgets it.

import threading


def panic_message(error):
    return str(error) or type(error).__name__


def run_and_report(jobs):
    results = [("ok", 0)] * len(jobs)

    def run(i):
        try:
            results[i] = ("ok", jobs[i]())
        except Exception:
            pass

    threads = [threading.Thread(target=run, args=(i,), name=f"job-{i}") for i in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results
