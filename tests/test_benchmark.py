"""scripts/benchmark.py measures like with like: no timings are checked here, only what is timed."""

import importlib.util
import os
from pathlib import Path

import numpy as np
import pytest

import rnn_lib

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "benchmark.py"
spec = importlib.util.spec_from_file_location("benchmark", SCRIPT)
benchmark = importlib.util.module_from_spec(spec)
spec.loader.exec_module(benchmark)


@pytest.mark.parametrize("name", list(benchmark.SIZES))
def test_the_problems_have_the_stated_sizes(name):
    size = benchmark.SIZES[name]
    params, X, y = benchmark.problem(**size)
    assert X.shape == (size["N"], size["T"], size["E"]) and y.shape == (size["N"],)
    assert (params.E, params.H, params.Y) == (size["E"], size["H"], 1)


def test_the_worked_example_size_is_the_slides():
    example = rnn_lib.worked_example()
    size = benchmark.SIZES["worked example N=1, T=4, E=3, H=2"]
    assert (size["T"], size["E"], size["H"]) == (*example.X.shape, example.params.H)


def test_the_rnn_lib_step_is_bptt():
    params, X, y = benchmark.problem(N=3, T=4, E=2, H=3)
    loss, grads = benchmark.rnn_lib_step(params, X, y)()
    expected_loss, expected = rnn_lib.bptt(params, X, y)
    assert loss == expected_loss
    np.testing.assert_array_equal(grads.W_hh, expected.W_hh)


def test_the_pytorch_step_computes_the_same_loss():
    if os.environ.get("REQUIRE_TORCH") != "1":
        pytest.importorskip("torch", reason="PyTorch is not installed: the benchmark's PyTorch half is optional")
    params, X, y = benchmark.problem(N=5, T=6, E=3, H=4)
    torch_loss = benchmark.torch_step(params, X, y)().item()
    assert torch_loss == pytest.approx(rnn_lib.bptt(params, X, y)[0], rel=1e-12)


def test_seconds_per_call_is_the_median_of_the_runs(monkeypatch):
    monkeypatch.setattr(benchmark, "calls_per_run", lambda step, seconds: 4)
    times = iter([0.4, 4.0, 0.8, 8.0, 0.2, 2.0])  # interleaved: ours, theirs, ours, theirs, ...
    monkeypatch.setattr(benchmark.timeit, "timeit", lambda step, number: next(times))
    assert benchmark.seconds_per_call(["ours", "theirs"], seconds=0.01, runs=3) == [0.1, 1.0]


def test_one_thread_each():
    assert os.environ["OPENBLAS_NUM_THREADS"] == "1"  # set by the script before numpy loads
