"""The OCR models ogilint ships (plugins/readers/ocr/models): the files the engine reads with are
there, are the bytes their README names (not a copy changed on the way, its line ends converted by a
checkout included), and the dictionary has one entry per class the recogniser gives (with the CTC
blank first and the space last)."""

from __future__ import annotations

import hashlib
import re

import pytest

from ogilint.plugins.readers.ocr import engine

SHIPPED = engine.PP_OCR_V6_TINY


def test_the_engine_reads_with_the_shipped_models():
    assert engine.models_used is SHIPPED
    for path in (SHIPPED.detector, SHIPPED.recogniser, SHIPPED.characters):
        assert path.is_file(), path


def test_the_files_are_the_bytes_their_readme_names():
    readme = (engine.MODELS / "README.md").read_text(encoding="utf-8")
    named = dict(re.findall(r"\| `([^`]+)` \|[^|]*\| [\d,]+ \| `([0-9a-f]{64})` \|", readme))
    assert set(named) == {p.name for p in (SHIPPED.detector, SHIPPED.recogniser, SHIPPED.characters)}
    for name, digest in named.items():
        assert hashlib.sha256((engine.MODELS / name).read_bytes()).hexdigest() == digest, name


def test_one_character_per_class_of_the_recogniser():
    ort = pytest.importorskip("onnxruntime")
    import numpy as np

    characters = SHIPPED.characters.read_bytes().decode("utf-8").splitlines()
    session = ort.InferenceSession(str(SHIPPED.recogniser), providers=["CPUExecutionProvider"])
    steps = session.run(None, {session.get_inputs()[0].name: np.zeros((1, 3, 48, 160), np.float32)})[0]
    assert steps.shape[-1] == 1 + len(characters) + 1  # the CTC blank, the dictionary, the space
    assert characters[:3] == ["!", '"', "#"] and "年" in characters and "〇" in characters
