# expect: failed
# message: items that compare equal must keep their order
# Takes the right item first on a tie: items that compare equal swap places.
import importlib.util
from pathlib import Path

_spec = importlib.util.spec_from_file_location(
    "reference", Path(__file__).resolve().parents[2] / "rayon_merge_sort.py"
)
_reference = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_reference)


def merge(left, right, compare):
    merged, i, j = [], 0, 0
    while i < len(left) and j < len(right):
        if compare(left[i], right[j]) < 0:
            merged.append(left[i])
            i += 1
        else:
            merged.append(right[j])
            j += 1
    return merged + left[i:] + right[j:]


def merge_sort_by(pool, items, compare):
    middle = len(items) // 2
    left = pool.submit(_reference.sort_sequential, items[:middle], compare)
    right = pool.submit(_reference.sort_sequential, items[middle:], compare)
    return merge(left.result(), right.result(), compare)
