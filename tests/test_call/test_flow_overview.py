"""The flow overview: every action in the diagram, zoom and fit, PNG and PDF export."""

from __future__ import annotations

import re
import subprocess

from PySide6.QtGui import QImage

from pbxdesk.domain import describe
from pbxdesk.domain.document import parse_document, to_canonical_dict
from pbxdesk.domain.walk import iter_nodes
from pbxdesk.scenario_editor import labels
from pbxdesk.test_call.flow_scene import FlowScene


def pdf_info(path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return dict(re.findall(r"^([^:]+):\s*(.*)$", out, re.M))


def test_every_node_label_is_in_the_scene(english, editors, spec_example, directory):
    scene = editors.tabs.flow.scene
    texts = scene.labels()
    nodes = list(iter_nodes(spec_example))
    assert len(nodes) == 6
    for ptr, node in nodes:
        assert describe.node_summary(node, directory, labels.ui_language()) in texts, ptr
        assert ptr in scene.box_items
    for name in ("Working time", "Non-working time", "Обед", "+7 495 230-22-22\nГлавный номер"):
        assert name in texts
    assert "Connected: Анна Петрова" in texts and "Call ends" in texts


def test_export_png_and_pdf(editors, tmp_path, qtbot):
    flow = editors.tabs.flow
    png, pdf = tmp_path / "flow.png", tmp_path / "flow.pdf"
    with qtbot.waitSignal(flow.exported):
        flow.export_png(png)
    image = QImage(str(png))
    rect = flow.scene.sceneRect()
    assert (image.width(), image.height()) == (round(rect.width() * 2), round(rect.height() * 2))
    assert image.pixelColor(1, 1).name() == "#ffffff"
    flow.export_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF-")
    info = pdf_info(pdf)
    assert info["Pages"] == "1"
    assert info["Page size"].startswith("841.89 x 595.276") or info["Page size"].startswith("842 x 595")
    assert info["Title"] == "Главный номер"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "Отдел продаж" in text and "Анна Петрова" in text
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    assert (tmp_path / "page-1.png").exists()


def test_a_tall_flow_prints_on_several_pages(english, spec_example, directory, tmp_path):
    data = to_canonical_dict(spec_example)
    department = data["scenarios"]["working"]["keys"]["1"]
    data["scenarios"]["working"]["keys"] = {key: department for key in "1234567890*#"}
    doc = parse_document(data).document
    scene = FlowScene(doc, directory)
    pages = scene.export_pdf(tmp_path / "tall.pdf")
    assert pages > 1
    assert pdf_info(tmp_path / "tall.pdf")["Pages"] == str(pages)
    for key in "1234567890*#":
        assert f"/scenarios/working/keys/{key}" in scene.box_items


def test_zoom_fit_and_rebuild_after_an_edit(editors, qtbot):
    from pbxdesk.widgets.session import SetValuesCommand

    flow = editors.tabs.flow
    editors.tabs.setCurrentWidget(flow)
    flow.fit_button.click()
    fitted = flow.view.zoom()
    assert 0 < fitted <= 1.0
    flow.zoom_in_button.click()
    assert abs(flow.view.zoom() - fitted * 1.25) < 1e-6
    flow.zoom_out_button.click()
    assert abs(flow.view.zoom() - fitted) < 1e-6
    session = editors.session
    session.push(SetValuesCommand(session, {"/name": "Новое имя"}, "rename"))
    qtbot.waitUntil(lambda: "+7 495 230-22-22\nНовое имя" in flow.scene.labels())


def test_the_diagram_opens_in_its_own_window(english, editors, qtbot):
    from pathlib import Path

    flow = editors.tabs.flow
    flow.window_button.click()
    window = flow.flow_window
    assert window is not None and window.isWindow() and window.isVisible()
    qtbot.waitExposed(window)
    assert sorted(window.scene.labels()) == sorted(flow.scene.labels())
    assert 0 < window.view.zoom() <= 1.0
    artifacts = Path(__file__).resolve().parents[1] / "artifacts"
    artifacts.mkdir(exist_ok=True)
    window.grab().save(str(artifacts / "flow_window_en.png"))
    window.close()
