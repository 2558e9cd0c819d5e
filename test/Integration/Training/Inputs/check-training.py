"""Check the output of a training run of examples/training (used by
demo.test): the loss must decrease and the final accuracy reach a minimum.

Usage: check-training.py --epochs N --min-accuracy A <output file>

The output has one line "epoch <e>  loss <l>  accuracy <a>" per epoch, then
"final loss <l>" and "final accuracy <a>" (after the last update).
"""

import argparse
import re
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, required=True)
    parser.add_argument("--min-accuracy", type=float, required=True)
    parser.add_argument("output")
    args = parser.parse_args()

    losses = []
    final = {}
    with open(args.output) as f:
        for line in f:
            m = re.match(r"epoch (\d+)\s+loss (\S+)\s+accuracy (\S+)", line)
            if m:
                losses.append(float(m.group(2)))
                continue
            m = re.match(r"final (loss|accuracy) (\S+)", line)
            if m:
                final[m.group(1)] = float(m.group(2))

    errors = []
    if len(losses) != args.epochs:
        errors.append(f"expected {args.epochs} epochs, got {len(losses)}")
    if set(final) != {"loss", "accuracy"}:
        errors.append("missing the final loss or accuracy")
    if not errors:
        if not final["loss"] < losses[0]:
            errors.append(
                f"the loss did not decrease: {losses[0]} -> {final['loss']}")
        if final["accuracy"] < args.min_accuracy:
            errors.append(f"final accuracy {final['accuracy']} < "
                          f"{args.min_accuracy}")
    if errors:
        for error in errors:
            print("error: " + error, file=sys.stderr)
        return 1
    print(f"OK: loss {losses[0]:.4f} -> {final['loss']:.4f}, "
          f"accuracy {final['accuracy']:.4f} after {len(losses)} epochs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
