"""How often events get the date their TimeML links imply, on TimeBank/AQUAINT files.

    python bench/anchoring.py ../shared/bench/tempeval3/train [--disagreements N]

Prints the agreement for links to dates written in the text and, apart, for links to the
document's creation time (see timeline_cli/eval_anchoring.py for the definitions).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from timeline_cli.evaluation.anchoring import evaluate_anchoring


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="a folder of .tml files (searched recursively)")
    parser.add_argument("--disagreements", type=int, default=0, metavar="N")
    arguments = parser.parse_args()
    started = time.perf_counter()
    score = evaluate_anchoring([arguments.path])
    print(json.dumps(score.record(), indent=2))
    print(f"{time.perf_counter() - started:.1f} s")
    for line in score.disagreements[: arguments.disagreements]:
        print(line)


if __name__ == "__main__":
    main()
