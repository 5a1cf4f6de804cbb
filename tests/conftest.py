import os

from hypothesis import settings

# "book" (the default, and what make test and CI use): the same examples on every run, so
# that a red CI can be reproduced on a laptop. "explore": new random examples on every run,
# ten times as many, for the scheduled job (.github/workflows/explore.yml) that looks for the
# inputs the fixed examples never try; a failure prints the blob that replays it
# (@reproduce_failure), so that it can become a fixed example.
settings.register_profile("book", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("explore", derandomize=False, deadline=None, print_blob=True,
                          max_examples=1000, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "book"))
