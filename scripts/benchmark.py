"""How fast is rnn_lib? The time of one forward pass + BPTT, against PyTorch's, on one CPU thread.

Measures rnn_lib's ``bptt`` (forward pass, loss, backpropagation through time,
with its input checks) against PyTorch's ``nn.RNN`` + ``nn.Linear`` +
``BCEWithLogitsLoss`` with ``loss.backward()``, both in float64, for the same
many-to-one task, at two sizes:

- a batch: N = 256 documents of T = 20 steps, E = 8, H = 16, Y = 1;
- the worked example's single document: N = 1, T = 4, E = 3, H = 2, Y = 1.

Method: one thread on each side (OpenBLAS and PyTorch), so that neither
borrows the other's core; the two take turns, run by run, so that a busy
machine slows them alike; each run times many calls, and the figure is the
median over the runs of the time per call. PyTorch is optional: without it the
script prints rnn_lib's figures only (``make crosscheck`` installs it apart).
Timings vary from machine to machine and run to run, so this is a script, not
a test; the appendix *From rnn_lib to PyTorch* explains the mapping it uses.

    python scripts/benchmark.py [--seconds 0.3] [--runs 15]
"""

import os

for variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):  # before numpy loads
    os.environ[variable] = "1"

import argparse  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import timeit  # noqa: E402

import numpy as np  # noqa: E402

import rnn_lib  # noqa: E402

SIZES = {
    "batch N=256, T=20, E=8, H=16": {"N": 256, "T": 20, "E": 8, "H": 16},
    "worked example N=1, T=4, E=3, H=2": {"N": 1, "T": 4, "E": 3, "H": 2},
}


def problem(N, T, E, H, seed=0):
    """Random weights (E, H), (H, H), (H, 1), biases, inputs X (N, T, E) and labels y (N,)."""
    rng = np.random.default_rng(seed)
    params = rnn_lib.Params(
        W_eh=rng.normal(0, 0.5, (E, H)),
        W_hh=rng.normal(0, 0.5 / np.sqrt(H), (H, H)),
        W_hy=rng.normal(0, 0.5, (H, 1)),
        b_h=rng.normal(0, 0.1, H),
        b_y=rng.normal(0, 0.1, 1),
    )
    X = rng.normal(0, 1, (N, T, E))
    y = rng.integers(0, 2, N).astype(float)
    return params, X, y


def rnn_lib_step(params, X, y):
    """One forward pass + BPTT in rnn_lib, as a function of no arguments."""
    return lambda: rnn_lib.bptt(params, X, y)


def torch_step(params, X, y):
    """The same computation in PyTorch (float64, CPU): nn.RNN + Linear + BCEWithLogitsLoss."""
    import torch

    rnn = torch.nn.RNN(params.E, params.H, batch_first=True, dtype=torch.float64)
    linear = torch.nn.Linear(params.H, params.Y, dtype=torch.float64)
    with torch.no_grad():
        rnn.weight_ih_l0.copy_(torch.from_numpy(params.W_eh.T))
        rnn.weight_hh_l0.copy_(torch.from_numpy(params.W_hh.T))
        rnn.bias_ih_l0.copy_(torch.from_numpy(params.b_h))
        rnn.bias_hh_l0.zero_()
        linear.weight.copy_(torch.from_numpy(params.W_hy.T))
        linear.bias.copy_(torch.from_numpy(params.b_y))
    modules = [rnn, linear]
    loss_fn = torch.nn.BCEWithLogitsLoss()
    X_t = torch.from_numpy(X)
    y_t = torch.from_numpy(y).reshape(-1, 1)

    def step():
        for module in modules:
            module.zero_grad(set_to_none=True)
        h, _ = rnn(X_t)
        loss = loss_fn(linear(h[:, -1]), y_t)
        loss.backward()
        return loss

    return step


def settle_the_heap():
    """Allocate and free 16 MB once, so that glibc's malloc keeps freed memory for reuse.

    Until a large block has been freed, glibc hands the memory of every array of
    a few hundred kB back to the operating system when it is freed, and the next
    call pays a page fault for every 4 kB it touches again: at N = 256 that
    doubles rnn_lib's time. Importing torch has the same side effect, so without
    this the figures for rnn_lib would depend on whether torch is installed.
    """
    block = np.ones(2_000_000)
    del block


def calls_per_run(step, seconds):
    """How many calls of ``step`` take about ``seconds``."""
    step()  # warm up
    number, elapsed = timeit.Timer(step).autorange()
    return max(1, int(number * seconds / elapsed))


def seconds_per_call(steps, seconds, runs):
    """The median time per call of each step function, over ``runs`` interleaved runs."""
    numbers = [calls_per_run(step, seconds) for step in steps]
    times = [[] for _ in steps]
    for _ in range(runs):
        for i, (step, number) in enumerate(zip(steps, numbers)):
            times[i].append(timeit.timeit(step, number=number) / number)
    return [statistics.median(t) for t in times]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=0.3, help="length of one timing run")
    parser.add_argument("--runs", type=int, default=15, help="interleaved timing runs; the median counts")
    args = parser.parse_args()
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:
        torch = None
    print(f"Python {platform.python_version()}, numpy {np.__version__}", end="")
    print(f", torch {torch.__version__}" if torch else "")
    print(f"float64, CPU, one thread each; median time per forward pass + BPTT over {args.runs} interleaved runs\n")
    header = f"{'size':36} {'rnn_lib':>12} {'PyTorch':>12} {'rnn_lib / PyTorch':>18}"
    print(header)
    print("-" * len(header))
    settle_the_heap()
    for name, size in SIZES.items():
        params, X, y = problem(**size)
        steps = [rnn_lib_step(params, X, y)] + ([torch_step(params, X, y)] if torch else [])
        times = seconds_per_call(steps, args.seconds, args.runs)
        if torch is None:
            print(f"{name:36} {times[0] * 1e6:10,.0f}µs {'(no torch)':>12}")
        else:
            ours, theirs = times
            print(f"{name:36} {ours * 1e6:10,.0f}µs {theirs * 1e6:10,.0f}µs {ours / theirs:17.2f}x")


if __name__ == "__main__":
    main()
