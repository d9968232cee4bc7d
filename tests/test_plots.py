"""briefkit.plots: the heat maps, drawn as seaborn draws them but without its trial draw,
and their tick labels, turned without one."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import seaborn as sns  # noqa: E402

from briefkit import plots  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _table(rows: int, cols: int, *, row_label: str = "r", col_label: str = "c") -> pd.DataFrame:
    values = np.random.default_rng(rows * 100 + cols).random((rows, cols))
    return pd.DataFrame(values, index=[f"{row_label}{i}" for i in range(rows)],
                        columns=[f"{col_label}{i}" for i in range(cols)])


def _rotations(labels) -> set[int]:
    return {round(t.get_rotation()) for t in labels}


def test_few_short_labels_are_not_turned():
    _, ax = plt.subplots(figsize=(6, 4))
    plots._heatmap(_table(3, 4), ax=ax)
    assert _rotations(ax.get_xticklabels()) == {0}
    # seaborn writes y labels along the axis when they fit there: three short rows do
    assert _rotations(ax.get_yticklabels()) == {90}


def test_many_long_labels_are_turned():
    _, ax = plt.subplots(figsize=(6, 4))
    table = _table(30, 30, row_label="a longer row name ", col_label="a column name ")
    plots._heatmap(table, ax=ax, xticklabels=True, yticklabels=True)
    assert len(ax.get_xticklabels()) == 30 and len(ax.get_yticklabels()) == 30
    assert _rotations(ax.get_xticklabels()) == {90}
    assert _rotations(ax.get_yticklabels()) == {0}


def test_auto_ticks_are_thinned_when_the_axis_is_short():
    _, ax = plt.subplots(figsize=(4, 3))
    plots._heatmap(_table(80, 80), ax=ax)
    assert 0 < len(ax.get_xticklabels()) < 80
    assert 0 < len(ax.get_yticklabels()) < 80


@pytest.mark.parametrize("rows, cols, figsize, square, ticks, names", [
    (3, 4, (6, 4), False, "auto", ("r", "c")),
    (12, 12, (7, 6), True, True, ("Actor number ", "Actor number ")),
    (47, 47, (13, 12), True, True, ("2016-01-01 a brief's title ", "2016-01-")),
    (8, 40, (17, 5), False, "auto", ("holder ", "2016-05-")),
    (15, 3, (7, 6), False, "auto", ("a topic ", "")),
    (3, 3, (4, 3.5), False, True, ("neg", "pos")),
    (60, 20, (5, 4), True, "auto", ("row ", "column ")),
])
def test_the_rule_turns_labels_as_seaborn_s_draw_does(rows, cols, figsize, square, ticks, names):
    table = _table(rows, cols, row_label=names[0], col_label=names[1])
    kws = {"square": square, "xticklabels": ticks, "yticklabels": ticks}
    _, drawn = plt.subplots(figsize=figsize)
    sns.heatmap(table, ax=drawn, **kws)  # seaborn's own test: a draw, then the overlaps
    _, ours = plt.subplots(figsize=figsize)
    plots._heatmap(table, ax=ours, **kws)
    for axis in ("x", "y"):
        theirs_labels = getattr(drawn, f"get_{axis}ticklabels")()
        our_labels = getattr(ours, f"get_{axis}ticklabels")()
        assert [t.get_text() for t in our_labels] == [t.get_text() for t in theirs_labels]
        assert _rotations(our_labels) == _rotations(theirs_labels), axis


def test_the_heat_maps_do_not_draw_the_figure(monkeypatch):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    draws = []
    original = FigureCanvasAgg.draw
    monkeypatch.setattr(FigureCanvasAgg, "draw", lambda self: draws.append(self) or
                        original(self))
    similarity = _table(20, 20)
    similarity.columns = similarity.index
    ax = plots.plot_similarity_heatmap(similarity)
    assert draws == []
    assert _rotations(ax.get_xticklabels()) == {0}  # "r0".."r19" fit across
    assert {t.get_fontsize() for t in ax.get_xticklabels()} == {7}
    # seaborn itself draws: the counter does count
    sns.heatmap(similarity, ax=plt.subplots()[1])
    assert len(draws) == 1


def _pixels(ax) -> np.ndarray:
    ax.figure.canvas.draw()
    return np.asarray(ax.figure.canvas.buffer_rgba()).copy()


@pytest.mark.parametrize("case", ["annotated, masked, square", "blanks, lines, no colour bar",
                                  "many rows, auto ticks", "counts, a range given"])
def test_the_heat_map_draws_what_seaborn_s_heatmap_draws(case):
    # the same picture, pixel for pixel, as sns.heatmap with the same arguments
    table = _table(12, 12, row_label="Actor ", col_label="Actor ").round(2)
    kws = {"cmap": "rocket_r"}
    if case == "annotated, masked, square":
        kws.update(mask=np.triu(np.ones(table.shape, dtype=bool)), annot=True, fmt="g",
                   annot_kws={"fontsize": 7}, cbar_kws={"label": "count"}, square=True)
    elif case == "blanks, lines, no colour bar":
        table = table.mask(table > 0.8)
        kws.update(cmap="RdBu", vmin=-1, vmax=1, linewidths=0.5, linecolor="white", cbar=False)
    elif case == "many rows, auto ticks":
        table = _table(70, 6, row_label="a holder ", col_label="2016-0")
    else:
        table = (table * 10).astype(int)
        kws.update(annot=True, fmt="d", cmap="Blues", vmin=0, vmax=12)
    _, theirs = plt.subplots(figsize=(7, 6))
    sns.heatmap(table, ax=theirs, **kws)
    _, ours = plt.subplots(figsize=(7, 6))
    plots._heatmap(table, ax=ours, **kws)
    assert [t.get_text() for t in ours.texts] == [t.get_text() for t in theirs.texts]
    assert np.array_equal(_pixels(ours), _pixels(theirs))


def test_masked_and_missing_cells_are_blank_and_not_written():
    table = pd.DataFrame([[1.0, np.nan], [3.0, 4.0]], index=["a", "b"], columns=["x", "y"])
    _, ax = plt.subplots()
    plots._heatmap(table, ax=ax, annot=True, mask=np.array([[False, False], [False, True]]))
    assert sorted(t.get_text() for t in ax.texts) == ["1", "3"]
    assert ax.get_ylim() == (2.0, 0.0)  # the first row on top


def test_the_similarity_map_keeps_every_brief_and_turns_the_columns():
    ids = [f"2016-{m:02d}-{d:02d}-brief" for m in range(1, 13) for d in (3, 17)][:47]
    ids += [f"2017-01-{d:02d}-brief" for d in range(1, 48 - len(ids))]
    values = np.random.default_rng(4).random((len(ids), len(ids)))
    similarity = pd.DataFrame((values + values.T) / 2, index=ids, columns=ids)
    ax = plots.plot_similarity_heatmap(similarity)
    assert len(ax.get_xticklabels()) == len(ids) == len(ax.get_yticklabels())
    assert _rotations(ax.get_xticklabels()) == {90}
    assert _rotations(ax.get_yticklabels()) == {0}


def test_the_judgments_strip_is_the_same_every_time_and_leaves_numpy_alone():
    import briefkit as bk
    from briefkit.claims import extract_claims

    claims = extract_claims(bk.Corpus.from_texts(
        ["It will likely hold. It may fail. It is very unlikely to last.",
         "Talks will almost certainly resume. They could stall."]))
    np.random.seed(7)
    before = np.random.get_state()[1].copy()
    first = plots.plot_judgments_strip(claims)
    second = plots.plot_judgments_strip(claims)
    assert np.array_equal(np.random.get_state()[1], before)  # the caller's generator is untouched
    offsets = [np.concatenate([c.get_offsets() for c in ax.collections]) for ax in (first, second)]
    assert len(offsets[0]) == 5 and np.array_equal(offsets[0], offsets[1])
    assert len(set(np.round(offsets[0][:, 1] % 1, 6))) > 1  # jittered, not all on one line
