"""Signal processing of the telephony master at its final rate (8 kHz): silence trim, loudness, true peak.

Loudness follows ITU-R BS.1770-4 (K-weighting with the rate-independent coefficient formulas that
libebur128 and ffmpeg use, 400 ms blocks with 75 % overlap, absolute and relative gates), measured at
the rate the master is stored at, so what ffmpeg's ``ebur128`` reads from the master is what was aimed
at. True peak is the maximum of the 8×-oversampled waveform (windowed-sinc interpolation, evaluated
only around samples that could reach the ceiling). A smooth look-ahead limiter keeps the true peak under
the ceiling while the gain is re-adjusted until both targets hold.
"""

from __future__ import annotations

import math

import numpy as np

TARGET_LUFS = -19.0
CEILING_DBTP = -1.0
LIMIT_DBTP = CEILING_DBTP - 0.5  # aim; accepted up to 0.2 dB above: margin for rounding and other meters
_OVERSAMPLE = 8
_HALF_TAPS = 16
_CANDIDATE_DB = 6.0  # inter-sample peaks of band-limited audio stay well within this of the samples


def db_to_gain(db: float) -> float:
    return float(10.0 ** (db / 20.0))


def trim_silence(x: np.ndarray, rate: int, pad_s: float = 0.03) -> np.ndarray:
    """Cut leading and trailing silence (10 ms frames 40 dB under the loudest one, or under −60 dBFS)."""
    frame = max(1, rate // 100)
    n = len(x) // frame
    if n == 0:
        return x[:0]
    frames = x[: n * frame].reshape(n, frame).astype(np.float64)
    level = 10 * np.log10(np.einsum("ij,ij->i", frames, frames) / frame + 1e-20)
    threshold = max(float(level.max()) - 40.0, -60.0)
    loud = np.flatnonzero(level > threshold)
    if loud.size == 0:
        return x[:0]
    pad = int(pad_s * rate)
    start = max(0, int(loud[0]) * frame - pad)
    end = min(len(x), (int(loud[-1]) + 1) * frame + pad)
    return x[start:end]


def _k_weighting(rate: int) -> np.ndarray:
    """Second-order sections of the BS.1770 K-weighting filter at ``rate`` (libebur128's formulas)."""
    f0, gain_db, q = 1681.974450955533, 3.999843853973347, 0.7071752369554196
    k = math.tan(math.pi * f0 / rate)
    vh = 10.0 ** (gain_db / 20.0)
    vb = vh ** 0.4996667741545416
    a0 = 1.0 + k / q + k * k
    shelf = [(vh + vb * k / q + k * k) / a0, 2.0 * (k * k - vh) / a0, (vh - vb * k / q + k * k) / a0,
             1.0, 2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0]
    f0, q = 38.13547087602444, 0.5003270373238773
    k = math.tan(math.pi * f0 / rate)
    a0 = 1.0 + k / q + k * k
    highpass = [1.0, -2.0, 1.0, 1.0, 2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0]
    return np.array([shelf, highpass])


def integrated_loudness(x: np.ndarray, rate: int) -> float:
    """Integrated loudness (LUFS) of mono ``x``; −inf for silence. Short clips are padded to one block."""
    block, step = int(0.4 * rate), int(0.1 * rate)
    if len(x) < block:
        x = np.concatenate([x, np.zeros(block - len(x))])
    # scipy is imported where sound is processed (a worker thread), not with this module: importing
    # scipy.signal takes about 0.6 s, and the scenario editor imports this module
    from scipy.signal import sosfilt

    y = sosfilt(_k_weighting(rate), np.asarray(x, dtype=np.float64))
    csum = np.concatenate([[0.0], np.cumsum(y * y)])
    starts = np.arange(0, len(y) - block + 1, step)
    z = (csum[starts + block] - csum[starts]) / block
    with np.errstate(divide="ignore"):
        blocks = -0.691 + 10.0 * np.log10(z)
    z = z[blocks > -70.0]
    if z.size == 0:
        return -math.inf
    relative = -0.691 + 10.0 * math.log10(float(z.mean())) - 10.0
    with np.errstate(divide="ignore"):
        z = z[-0.691 + 10.0 * np.log10(z) > relative]
    return -0.691 + 10.0 * math.log10(float(z.mean()))


def _interpolation_kernel() -> np.ndarray:
    """(2·HALF_TAPS, OVERSAMPLE−1) weights: sample n−HALF_TAPS+1+t → the point j + k/OVERSAMPLE."""
    taps = np.arange(-_HALF_TAPS + 1, _HALF_TAPS + 1)[:, None]
    frac = (np.arange(1, _OVERSAMPLE) / _OVERSAMPLE)[None, :]
    t = frac - taps
    window = np.kaiser(2 * _HALF_TAPS + 1, 8.0)
    w = np.interp(t, np.linspace(-_HALF_TAPS, _HALF_TAPS, 2 * _HALF_TAPS + 1), window)
    return np.sinc(t) * w


_KERNEL = _interpolation_kernel()


def sample_true_peaks(x: np.ndarray, floor: float) -> np.ndarray:
    """Per sample, the largest |value| of the oversampled waveform within half a sample of it.

    Only intervals next to a sample louder than ``floor`` / 2 are interpolated; elsewhere |x| stands.
    """
    peaks = np.abs(x)
    cand = np.flatnonzero(peaks > floor * db_to_gain(-_CANDIDATE_DB))
    if cand.size == 0:
        return np.asarray(peaks, dtype=np.float64)
    intervals = np.unique(np.concatenate([cand - 1, cand]))
    intervals = intervals[(intervals >= 0) & (intervals < len(x) - 1)]
    padded = np.concatenate([np.zeros(_HALF_TAPS), x, np.zeros(_HALF_TAPS)])
    offsets = np.arange(1, 2 * _HALF_TAPS + 1)[None, :]
    half = _OVERSAMPLE // 2
    left = np.zeros(len(x))
    right = np.zeros(len(x))
    for start in range(0, len(intervals), 1 << 15):
        part = intervals[start:start + (1 << 15)]
        values = np.abs(padded[part[:, None] + offsets] @ _KERNEL)  # (intervals, OVERSAMPLE-1)
        left[part] = values[:, :half].max(axis=1)  # the half of interval j nearer sample j
        right[part + 1] = values[:, half - 1:].max(axis=1)  # the half nearer sample j+1
    return np.asarray(np.maximum(peaks, np.maximum(left, right)), dtype=np.float64)


def true_peak_db(x: np.ndarray) -> float:
    if len(x) == 0:
        return -math.inf
    peak = float(sample_true_peaks(x, float(np.abs(x).max())).max())
    return 20 * math.log10(peak) if peak > 0 else -math.inf


def limit(x: np.ndarray, rate: int, ceiling_db: float = LIMIT_DBTP) -> tuple[np.ndarray, bool]:
    """Smooth gain reduction wherever the oversampled waveform would pass ``ceiling_db``.

    Returns the signal and whether it had to be limited.
    """
    ceiling = db_to_gain(ceiling_db)
    peaks = sample_true_peaks(x, ceiling)
    if peaks.max() <= ceiling:
        return x, False
    from scipy.ndimage import minimum_filter1d, uniform_filter1d  # at use, as sosfilt above

    need = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-12))
    width = max(3, int(0.005 * rate) | 1)  # 5 ms; a min-filter twice as wide as the average never overshoots
    gain = uniform_filter1d(minimum_filter1d(need, 2 * width + 1, mode="nearest"), width, mode="nearest")
    return x * np.minimum(gain, 1.0), True


def normalise(x: np.ndarray, rate: int, target_lufs: float = TARGET_LUFS) -> np.ndarray:
    """``x`` at ``target_lufs`` integrated loudness with its true peak under the ceiling."""
    y = np.asarray(x, dtype=np.float64)
    loudness = integrated_loudness(y, rate)
    if not math.isfinite(loudness):
        return y
    for _ in range(8):
        y, limited = limit(y * db_to_gain(target_lufs - loudness), rate)
        if not limited:  # a plain gain moves the gated loudness by exactly that gain
            break
        loudness = integrated_loudness(y, rate)
        if abs(loudness - target_lufs) < 0.2 and true_peak_db(y) <= LIMIT_DBTP + 0.2:
            break
    else:
        y, _ = limit(y, rate)  # the ceiling wins over the last tenths of a LU
    return y
