"""Every notebook runs on an analyst's own folder, through its parameters cell.

The sample corpus spans 2015-2018 and has every kind of sentence the notebooks look for; a
user's folder need not. These three short briefs (briefkit's own words) are all of one year,
and their author uses no estimative term, so each notebook meets a corpus unlike the sample:
one year only, no judgment in the author's voice, few claims and few tone rows.
"""

from __future__ import annotations

import json

import pytest

BRIEFS = {
    "2024-02-05-red-sea-convoys.txt": """February 5, 2024

Red Sea Convoys Under Strain

• Shipping firms keep diverting vessels around the Cape of Good Hope

• Houthi leaders say that their attacks answer the war in Gaza


Houthi leaders say that their attacks on merchant ships answer the war in Gaza. \
Washington has led strikes on launch sites in Yemen since January. \
Egyptian officials complain that Suez Canal revenue has fallen by almost half. \
The European Union is preparing a naval mission of its own.
""",
    "2024-06-11-sahel-realignment.txt": """June 11, 2024

A Realignment in the Sahel

• Niger has asked foreign troops to leave

• Russian instructors have arrived in Niamey


The junta in Niamey insists that the cooperation accord with the United States was never \
lawful. U.S. officials argue that the withdrawal will weaken the fight against armed groups. \
Russian instructors arrived in April with air defence equipment. \
The drone base near Agadez cost the United States more than $100 million.
""",
    "2024-10-30-baltic-cables.md": """---
title: Cables Under the Baltic
date: 2024-10-30
---

Finland and Estonia say that an anchor dragged along the seabed cut the Balticconnector \
pipeline. NATO has increased its patrols in the Baltic Sea. Chinese officials deny that the \
ship's crew acted on instructions. American and European investigators share data on the \
vessel's course.
""",
}


@pytest.fixture(scope="module")
def own_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("my briefs")  # a space, as users' folders often have
    for name, text in BRIEFS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_every_notebook_runs_on_a_folder_of_ones_own(own_folder, tmp_path):
    from briefkit.report import build_report, list_notebooks

    before = {p.name: p.read_bytes() for p in own_folder.iterdir()}
    told = []
    try:
        index = build_report(briefs_path=str(own_folder), out=tmp_path / "report",
                             log=told.append)
    except RuntimeError:
        pytest.fail("\n".join(told))
    pages = sorted(p.name for p in (tmp_path / "report").glob("*.html") if p.name != "index.html")
    assert pages == sorted(p.with_suffix(".html").name for p in list_notebooks())
    record = json.loads((tmp_path / "report" / "provenance.json").read_text())
    assert record["briefs"] == len(BRIEFS)
    assert str(own_folder) in index.read_text(encoding="utf-8")
    # nothing was written into the folder, and nothing in it changed
    assert {p.name: p.read_bytes() for p in own_folder.iterdir()} == before
