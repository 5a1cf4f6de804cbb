"""Can a chapter train a character-level RNN on real names in under a minute, and does it beat n-grams?

Trains the plain RNN (rnn_lib.train_language_model: truncated BPTT in chunks,
clipping, plain gradient descent) on the training names of rnn_lib.names_corpus
with a few fixed settings, picks the setting and the n-gram baseline (order
and add-k) on the validation names, and prints the perplexity per character
(end-of-name included) of each on validation and test, with the wall time.
Everything is seeded; only the times vary from run to run.

    PYTHONPATH=. python scripts/names_feasibility.py
    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 PYTHONPATH=. python scripts/names_feasibility.py

(the second: numpy's BLAS on one thread, which on a small, busy machine is faster
for these small matrices).
"""

import os
import time

import numpy as np

import rnn_lib
from rnn_lib.analysis.ngram import fit_ngram, ngram_perplexity

#: (hidden size H, chunk length K, rows N, learning-rate schedule [(η, epochs), ...])
SETTINGS = [
    (64, 16, 32, [(1.0, 6), (0.3, 3), (0.1, 3)]),
    (128, 16, 32, [(1.0, 6), (0.3, 3), (0.1, 3)]),
    (256, 16, 32, [(0.5, 6), (0.15, 3), (0.05, 3)]),
]
MAX_NORM = 5.0
ORDERS, KS = range(2, 7), (0.01, 0.03, 0.1, 0.3, 1.0)


def train(corpus, H, K, rows, schedule):
    V = len(corpus.vocabulary)
    params = rnn_lib.init_params("rnn", V, H, Y=V, seed=0)
    stream = rnn_lib.token_stream(corpus.ids("train"), rows=rows, seed=0)
    start = time.perf_counter()
    for learning_rate, epochs in schedule:
        params = rnn_lib.train_language_model(params, stream, learning_rate, K, epochs, max_norm=MAX_NORM).params
    return params, time.perf_counter() - start


def main():
    started = time.perf_counter()
    corpus = rnn_lib.names_corpus()
    V, eos = len(corpus.vocabulary), corpus.vocabulary.index[rnn_lib.EOS]
    train_ids, validation, test = corpus.ids("train"), corpus.ids("validation"), corpus.ids("test")
    tokens = {split: sum(len(d) for d in corpus.ids(split)) for split in ("train", "validation", "test")}
    print(f"names: {len(corpus.train)} train, {len(corpus.validation)} validation, {len(corpus.test)} test;"
          f" characters with <eos>: {tokens}; V = {V}")
    print(f"BLAS threads: OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS', 'unset')}\n")

    rows = []
    for order, name in ((0, "uniform"), (1, "unigram")):
        model = fit_ngram(train_ids, V, order, start=eos, k=1.0)
        rows.append((name, "", ngram_perplexity(model, validation), ngram_perplexity(model, test), None))
    t = time.perf_counter()
    grid = {(n, k): ngram_perplexity(fit_ngram(train_ids, V, n, start=eos, k=k), validation)
            for n in ORDERS for k in KS}
    n, k = min(grid, key=grid.get)
    best = fit_ngram(train_ids, V, n, start=eos, k=k)
    rows.append((f"{n}-gram, add-k", f"k = {k} (of {len(grid)} on validation)", grid[n, k],
                 ngram_perplexity(best, test), time.perf_counter() - t))

    trained = []
    for H, K, N, schedule in SETTINGS:
        params, seconds = train(corpus, H, K, N, schedule)
        epochs = sum(e for _, e in schedule)
        choice = f"H = {H}, K = {K}, N = {N}, {epochs} epochs, η {'→'.join(str(r) for r, _ in schedule)}"
        valid = float(np.exp(rnn_lib.per_token_loss(params, validation, eos)))
        trained.append((valid, params, choice, seconds))
        rows.append(("RNN", choice, valid, None, seconds))
    valid, params, choice, seconds = min(trained, key=lambda row: row[0])
    rows.append(("RNN, chosen on validation", choice, valid,
                 float(np.exp(rnn_lib.per_token_loss(params, test, eos))), seconds))

    print(f"{'model':<27} {'setting':<55} {'valid ppl':>9} {'test ppl':>9} {'seconds':>8}")
    for name, setting, valid, test_ppl, secs in rows:
        test_text = f"{test_ppl:9.3f}" if test_ppl is not None else f"{'':9}"
        secs_text = f"{secs:8.1f}" if secs is not None else ""
        print(f"{name:<27} {setting:<55} {valid:9.3f} {test_text} {secs_text}")

    samples = rnn_lib.sample_tokens(params, np.eye(V), [eos], 200, temperature=0.8, seed=0)
    names = "".join(corpus.vocabulary.decode(samples)).split(rnn_lib.EOS)[:-1]
    known = set(corpus.train)
    print(f"\nsampled at temperature 0.8 (seed 0): {' '.join(names[:15])}")
    print(f"{sum(name not in known for name in names)} of {len(names)} sampled names are not training names")
    print(f"\nwall time of this script: {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
