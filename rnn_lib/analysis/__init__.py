"""Analyses and the experiments that drive them, built on rnn_lib's cells, loss and training.

- ``vanishing``: products of one-step derivatives; vanishing and exploding gradients
- ``jacobians``: slide 10's formula term by term, and truncated BPTT
- ``memory``: long-range memory, measured: gradient reaching a word, accuracy against its distance
- ``baseline``: logistic regression on a bag of words or of n-grams
- ``ngram``: uniform, unigram and add-k smoothed n-gram language models, their perplexity
- ``overlap``: how far held-out sentences are from training sentences, in words
"""
