"""The book's figures, one module per chapter, all importable from here.

Every function takes arrays (or rnn_lib objects that hold them) and returns a
matplotlib Figure; none runs a model: the chapters compute with rnn_lib, and
draw with these.
"""

from .bptt import gradient_paths, gradient_reach, truncation_error_curves
from .forward import sequence_step
from .language_model import loss_curves_by_cell
from .log_loss import loss_against_probability
from .long_range import clipping_runs, reach_against_distance
from .problem import unrolled_network
from .sentiment import learning_curves
from .vanishing import explorer_gallery, gradient_vs_distance, jacobian_norms, long_run_factors, transient_map
from .weight_updates import loss_curves, prediction_curves, weight_path

__all__ = [
    "clipping_runs", "explorer_gallery", "gradient_paths", "gradient_reach",
    "gradient_vs_distance", "jacobian_norms", "learning_curves", "long_run_factors", "loss_against_probability",
    "loss_curves", "loss_curves_by_cell", "prediction_curves", "reach_against_distance", "sequence_step",
    "transient_map", "truncation_error_curves", "unrolled_network", "weight_path",
]
