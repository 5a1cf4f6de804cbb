"""Hidden tests, one module per chapter with coded exercises (see grading/cases.py).

They run only in the grader, against plain values that submissions return;
they are never in the book, its website, or a student notebook.
"""
