"""The questionnaire in each tool's import format: a Word document (.docx, written as a
minimal OOXML package), Qualtrics' Advanced TXT format, a LimeSurvey survey structure
(.lss) and a Google Apps Script that builds the Google Form.

Only the standard library: each file is text (or a zip of text) written here.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from xlplugin.surveys.questionnaire import Questionnaire

# --- Word -----------------------------------------------------------------------------------

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    "</Types>"
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" '
    'Target="docProps/core.xml"/>'
    "</Relationships>"
)
_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" '
    'Target="styles.xml"/></Relationships>'
)
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    f'<w:styles xmlns:w="{_W}">'
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/>'
    '<w:sz w:val="22"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="80"/></w:pPr>'
    "</w:pPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="40"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>'
    '<w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Question"><w:name w:val="Question"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:keepNext/><w:spacing w:before="160" w:after="60"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
    '<w:style w:type="paragraph" w:styleId="Choice"><w:name w:val="Choice"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:spacing w:after="0"/><w:ind w:left="567"/></w:pPr></w:style>'
    "</w:styles>"
)


def _p(text: str, style: str = "") -> str:
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def docx_paragraphs(q: Questionnaire) -> list[tuple[str, str]]:
    """(style, text) of every paragraph: numbered questions, each answer on a line of its own (the
    layout Microsoft Forms' import from Word turns into choice questions)."""
    out: list[tuple[str, str]] = [("Title", q.title), ("Normal", q.intro)]
    n = 0
    phase = None
    for s in q.statements:
        if s.phase and s.phase != phase:
            phase = s.phase
            out.append(("Heading1", s.phase))
        for kind in ("importance", "rating"):
            n += 1
            out.append(("Question", f"{n}. {q.single(kind, s)}"))
            out.extend(("Choice", f"\u25cb {label}") for label in _numbered(q, kind))
    n += 1
    out.append(("Heading1", "Tot slot" if q.lang == "nl" else "Finally"))
    out.append(("Question", f"{n}. {q.overall}"))
    out.extend(("Choice", f"\u25cb {label}") for label in _numbered(q, "rating"))
    n += 1
    out.append(("Question", f"{n}. {q.comment}"))
    out.append(("Normal", "_" * 60))
    out.append(("Normal", "_" * 60))
    return out


def _numbered(q: Questionnaire, kind: str) -> list[str]:
    """'1 - Zeer ontevreden' ... on 1-5; '1 - Zeer ontevreden', '2', ... '10 - Zeer tevreden' on 1-10."""
    labels = q.point_labels(kind)
    if q.points == len(q.labels(kind)):
        return [f"{q.minimum + i} - {label}" for i, label in enumerate(labels)]
    return labels


def write_docx(q: Questionnaire, path: Path) -> Path:
    body = "".join(_p(text, "" if style == "Normal" else style) for style, text in docx_paragraphs(q))
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{_W}"><w:body>{body}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" '
        'w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>'
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{escape(q.title)}</dc:title><dc:language>{q.lang}</dc:language><dc:creator>xlplugin</dc:creator>"
        "</cp:coreProperties>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in (("[Content_Types].xml", _DOCX_TYPES), ("_rels/.rels", _DOCX_RELS),
                           ("word/document.xml", document), ("word/_rels/document.xml.rels", _DOC_RELS),
                           ("word/styles.xml", _STYLES), ("docProps/core.xml", core)):
            z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), text.encode("utf-8"),
                       zipfile.ZIP_DEFLATED)
    return path


# --- Qualtrics ------------------------------------------------------------------------------

def _one_line(text: str) -> str:
    return " ".join(text.split())


def qualtrics_txt(q: Questionnaire) -> str:
    """Qualtrics' Advanced TXT format: a matrix per grid (statements as choices, scale points as
    answers, coded 1..n in order), the overall question, the comment box."""
    lines = ["[[AdvancedFormat]]", "", f"[[Block:{_one_line(q.title)[:100]}]]", "", "[[Question:DB]]",
             _one_line(q.intro), ""]
    for n, kind in enumerate(("importance", "rating"), start=1):
        lines += ["[[Question:Matrix]]", f"[[ID:Q{n}]]", _one_line(q.grid(kind)), "[[Choices]]"]
        lines += [_one_line(s.text) for s in q.statements]
        lines += ["[[Answers]]", *q.point_labels(kind), ""]
        lines += ["[[PageBreak]]", ""]
    lines += ["[[Question:MC:SingleAnswer:Horizontal]]", "[[ID:Q3]]", _one_line(q.overall), "[[Choices]]",
              *q.point_labels("rating"), "", "[[Question:TE:Essay]]", "[[ID:Q4]]", _one_line(q.comment), ""]
    return "\n".join(lines)


# --- LimeSurvey -----------------------------------------------------------------------------

def _cdata(value: object) -> str:
    text = str(value).replace("]]>", "]]]]><![CDATA[>")
    return f"<![CDATA[{text}]]>"


def _table(name: str, fields: list[str], rows: list[dict[str, object]]) -> str:
    head = "".join(f"<fieldname>{f}</fieldname>" for f in fields)
    body = "".join("<row>" + "".join(f"<{f}>{_cdata(r[f])}</{f}>" for f in fields if f in r) + "</row>" for r in rows)
    return f"<{name}><fields>{head}</fields><rows>{body}</rows></{name}>"


LSS_CODES = {"en": ("IMPORTANCE", "SATISFACTION", "OVERALL", "COMMENT"),
             "nl": ("BELANG", "TEVREDEN", "TOTAAL", "OPMERKING")}


def limesurvey_lss(q: Questionnaire, sid: int = 123456) -> str:
    """A LimeSurvey survey structure (.lss, the DBVersion 3 layout every later version imports): one
    group, two arrays (importance, satisfaction) whose subquestion codes are the touchpoint IDs, so the
    export heads them BELANG[E01] / TEVREDEN[E01]; answers coded 1..n; the overall list; the comment."""
    lang, gid = q.lang, 10
    imp, sat, overall, comment = LSS_CODES[lang]
    qfields = ["qid", "parent_qid", "sid", "gid", "type", "title", "question", "preg", "help", "other", "mandatory",
               "question_order", "language", "scale_id", "same_default", "relevance", "modulename"]
    questions: list[dict[str, object]] = []
    subquestions: list[dict[str, object]] = []
    answers: list[dict[str, object]] = []

    def question(qid: int, kind: str, title: str, text: str, order: int, help_text: str = "") -> None:
        questions.append({"qid": qid, "parent_qid": 0, "sid": sid, "gid": gid, "type": kind, "title": title,
                          "question": escape(text), "preg": "", "help": escape(help_text), "other": "N",
                          "mandatory": "N", "question_order": order, "language": lang, "scale_id": 0,
                          "same_default": 0, "relevance": "1", "modulename": ""})

    def scale_answers(qid: int, kind: str) -> None:
        for i, label in enumerate(q.point_labels(kind)):
            answers.append({"qid": qid, "code": str(q.minimum + i), "answer": escape(label), "sortorder": i + 1,
                            "assessment_value": 0, "language": lang, "scale_id": 0})

    ends = {k: q.labels(k) for k in ("importance", "rating")}
    for n, (kind, title) in enumerate((("importance", imp), ("rating", sat)), start=1):
        qid = 100 * n
        help_text = f"{q.minimum} = {ends[kind][0]}, {q.maximum} = {ends[kind][-1]}"
        question(qid, "F", title, q.grid(kind), n, help_text)
        scale_answers(qid, kind)
        for i, s in enumerate(q.statements, start=1):
            subquestions.append({"qid": qid + i, "parent_qid": qid, "sid": sid, "gid": gid, "type": "F",
                                 "title": s.code, "question": escape(s.text), "preg": "", "help": "", "other": "N",
                                 "mandatory": "", "question_order": i, "language": lang, "scale_id": 0,
                                 "same_default": 0, "relevance": "1", "modulename": ""})
    question(300, "L", overall, q.overall, 3)
    scale_answers(300, "rating")
    question(400, "T", comment, q.comment, 4)
    group = {"gid": gid, "sid": sid, "group_name": escape(q.title), "group_order": 0, "description": escape(q.intro),
             "language": lang, "randomization_group": "", "grelevance": ""}
    survey = {"sid": sid, "admin": "", "active": "N", "anonymized": "Y", "format": "G", "language": lang,
              "additional_languages": "", "datestamp": "Y", "usecookie": "N", "allowregister": "N",
              "allowsave": "Y", "autonumber_start": 0, "autoredirect": "N", "allowprev": "Y", "printanswers": "N",
              "ipaddr": "N", "refurl": "N", "showsurveypolicynotice": 0, "publicstatistics": "N",
              "publicgraphs": "N", "listpublic": "N", "htmlemail": "Y", "sendconfirmation": "N",
              "tokenanswerspersistence": "N", "assessments": "N", "usecaptcha": "N", "usetokens": "N",
              "showxquestions": "Y", "showgroupinfo": "B", "shownoanswer": "Y", "showqnumcode": "X",
              "showwelcome": "Y", "showprogress": "Y", "questionindex": 0, "navigationdelay": 0, "nokeyboard": "N",
              "alloweditaftercompletion": "N"}
    settings = {"surveyls_survey_id": sid, "surveyls_language": lang, "surveyls_title": escape(q.title),
                "surveyls_description": escape(q.intro), "surveyls_welcometext": "", "surveyls_endtext": "",
                "surveyls_dateformat": 1 if lang == "nl" else 9, "surveyls_numberformat": 1 if lang == "nl" else 0}
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        "<document>",
        "<LimeSurveyDocType>Survey</LimeSurveyDocType>",
        "<DBVersion>366</DBVersion>",
        f"<languages><language>{lang}</language></languages>",
        _table("answers", ["qid", "code", "answer", "sortorder", "assessment_value", "language", "scale_id"], answers),
        _table("groups", list(group), [group]),
        _table("questions", qfields, questions),
        _table("subquestions", qfields, subquestions),
        _table("surveys", list(survey), [survey]),
        _table("surveys_languagesettings", list(settings), [settings]),
        "</document>",
        "",
    ]
    return "\n".join(parts)


# --- Google Forms ---------------------------------------------------------------------------

def google_script(q: Questionnaire) -> str:
    """An Apps Script (paste it at script.google.com and run buildForm) that builds the form: a grid per
    measure (touchpoints as rows, the scale's points as columns), a linear scale for overall, a paragraph."""
    data = {
        "title": q.title,
        "intro": q.intro,
        "grids": [{"title": q.grid(kind), "columns": q.point_labels(kind)} for kind in ("importance", "rating")],
        "rows": [s.text for s in q.statements],
        "overall": {"title": q.overall, "low": q.minimum, "high": q.maximum, "lowLabel": q.labels("rating")[0],
                    "highLabel": q.labels("rating")[-1]},
        "comment": q.comment,
    }
    payload = json.dumps(data, ensure_ascii=False, indent=2)
    return (
        "// Builds the journey's questionnaire as a Google Form (written by xlplugin survey make).\n"
        "// Paste into a new project at script.google.com, run buildForm, and open the link in the log.\n"
        "// Every touchpoint keeps its ID in brackets, e.g. (E05): xlplugin survey import needs it.\n"
        f"var QUESTIONNAIRE = {payload};\n\n"
        "function buildForm() {\n"
        "  var q = QUESTIONNAIRE;\n"
        "  var form = FormApp.create(q.title);\n"
        "  form.setDescription(q.intro);\n"
        "  q.grids.forEach(function (grid) {\n"
        "    form.addGridItem().setTitle(grid.title).setRows(q.rows).setColumns(grid.columns);\n"
        "  });\n"
        "  form.addScaleItem().setTitle(q.overall.title).setBounds(q.overall.low, q.overall.high)\n"
        "      .setLabels(q.overall.lowLabel, q.overall.highLabel);\n"
        "  form.addParagraphTextItem().setTitle(q.comment);\n"
        "  Logger.log('Edit: ' + form.getEditUrl());\n"
        "  Logger.log('Send: ' + form.getPublishedUrl());\n"
        "}\n"
    )
