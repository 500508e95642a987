"""A small invented study for the UI's tests, benchmark and screenshots (German, Hebrew, Marathi,
Hindi), written into a folder as a real project: transqa.toml, .txt transcripts, a glossary and an
anonymisation register. Planted problems: an untranslated line, a missing translation, register
names still in the text, a glossary term rendered otherwise.

The register below is invented; a real register never lives in the project folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

DE = [
    ("M", "Guten Tag, vielen Dank, dass Sie heute gekommen sind.", "Good afternoon, thank you for coming today."),
    ("R1", "Ich arbeite seit zwei Jahren als Genesungsbegleiterin auf der Station.",
     "I have been working on the ward as a peer support worker for two years."),
    ("R2", "Am Anfang war das Team skeptisch, aber das hat sich geändert.",
     "Am Anfang war das Team skeptisch, aber das hat sich geändert."),
    ("R1", "Frau Sabine Müller hat mich damals sehr unterstützt.",
     "Ms Sabine Müller supported me a lot back then."),
    ("M", "Was hat sich für die Patientinnen und Patienten verändert, seit es Genesungsbegleitung gibt?",
     "What has changed for the patients since there has been peer support?"),
    ("R3", "Sie reden offener, weil jemand da ist, der das selbst erlebt hat.",
     "They talk more openly because someone is there who has lived through it."),
]

HE = [
    ("M", "שָׁלוֹם לכולם, תודה רבה שהגעתם.", "Hello everyone, thank you very much for coming."),
    ("R1", "אני עמית, עובד במחלקה כבר שנתיים בערך (לפני זה הייתי מטופל).",
     "I'm a peer worker, I've been on the ward for about two years (before that I was a patient)."),
    ("R2", "בהתחלה לא הבנו מה הוא עושה פה, חשבנו שזה עוד פרויקט.",
     "At first we didn't understand what he was doing here; we thought it was another project."),
    ("R3", "היום 30% מהמטופלים מבקשים לדבר איתו קודם.", None),
    ("R1", "דני כהן מהמחלקה הסגורה עזר לי מאוד.", "Danny Cohen from the locked ward helped me a lot."),
    ("M", "מה השתנה בצוות?", "What changed in the team?"),
]

MR = [
    ("M", "नमस्कार, आज आल्याबद्दल सर्वांचे आभार.", "Hello, thank you all for coming today."),
    ("R1", "माझं नाव राहुल पाटील आहे आणि मी पुण्यात राहतो. मराठी भाषा खूप सुंदर आहे.",
     "My name is Rahul Patil and I live in Pune. Marathi is a very beautiful language."),
    ("R2", "समुपदेशक आठवड्यातून दोनदा वॉर्डमध्ये येतात.", "The advisor comes to the ward twice a week."),
    ("R3", "महाराष्ट्रात अशा सेवा अजून कमी आहेत.", "Such services are still rare in Maharashtra."),
    ("R1", "मला वाटतं की कुटुंबाला सुद्धा मदत मिळायला हवी.", "I think the family should get help too."),
    ("M", "धन्यवाद, पुढचा प्रश्न.", "Thank you, next question."),
]

HI = [
    ("M", "नमस्ते, आप सबका धन्यवाद कि आप आए।", "Hello, thank you all for coming."),
    ("R1", "मैं दो साल से इस वार्ड में सहकर्मी के रूप में काम कर रही हूँ।",
     "I have been working on this ward as a peer worker for two years."),
    ("R2", "शुरू में डॉक्टरों को यह समझ नहीं आया कि वह क्या करती है।",
     "At first the doctors did not understand what she does."),
    ("R3", "अब मरीज़ पहले उससे बात करना चाहते हैं।", "Now patients want to talk to her first."),
]

SITES = {"ULM": ("Ulm", "de", DE), "BGU": ("Be'er Sheva", "he", HE), "PU": ("Pune", "mr", MR),
         "IN": ("Delhi", "hi", HI)}

GLOSSARY = """source_term,target_term,source_lang,forbidden_targets
Genesungsbegleiterin,peer support worker,de,
Genesungsbegleitung,peer support,de,
עמית,peer worker|peer support worker,he,
समुपदेशक,counsellor|counselor,mr,advisor
"""

REGISTER = """original,replacement,type
Sabine Müller,[name],person
דני כהן,[name],person
Danny Cohen,[name],person
राहुल पाटील,[name],person
Rahul Patil,[name],person
"""


def _stamp(i: int) -> str:
    s = 15 + i * 9
    return f"[{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}]"


def transcript_lines(rows: Sequence[tuple[str, str, str | None]], side: int) -> list[str]:
    out = []
    for i, row in enumerate(rows):
        text = row[side]
        if text is None:
            continue
        out.append(f"{_stamp(i)} {row[0]}: {text}")
    return out


def write_demo_project(root: Path, *, sites: Sequence[str] = ("ULM", "BGU", "PU", "IN"),
                       big: Sequence[tuple[str, str]] | None = None, big_lang: str = "mr",
                       ui: str = "") -> Path:
    """Write the study into ``root`` (created); ``big`` adds transcript ``BIG-1`` from those pairs."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "glossary.csv").write_text(GLOSSARY, encoding="utf-8")
    private = root.parent / f"{root.name}-private"
    private.mkdir(exist_ok=True)
    (private / "register.csv").write_text(REGISTER, encoding="utf-8")
    toml = [
        "[study]", 'name = "UI demo"', 'target_lang = "en"', 'glossaries = ["glossary.csv"]',
        f'register = "../{private.name}/register.csv"', "",
    ]
    for code in sites:
        name, lang, _ = SITES[code]
        toml += ["[[sites]]", f'code = "{code}"', f'name = "{name}"', f'language = "{lang}"', ""]
    for rid, name, role in (("ak", "A. Kaya", "translation team"), ("mr", "M. Rahman", "site lead"),
                            ("jb", "J. Berger", "translator")):
        toml += ["[[reviewers]]", f'id = "{rid}"', f'name = "{name}"', f'role = "{role}"', ""]
    for code in sites:
        _, lang, rows = SITES[code]
        folder = root / code
        folder.mkdir(exist_ok=True)
        (folder / f"{code}-FG1.{lang}.txt").write_text("\n".join(transcript_lines(rows, 1)) + "\n", encoding="utf-8")
        (folder / f"{code}-FG1.en.txt").write_text("\n".join(transcript_lines(rows, 2)) + "\n", encoding="utf-8")
        toml += ["[[transcripts]]", f'id = "{code}-FG1"', f'site = "{code}"',
                 f'source = "{code}/{code}-FG1.{lang}.txt"', f'translation = "{code}/{code}-FG1.en.txt"',
                 'translator = "jb"', ""]
    if big is not None:
        folder = root / "BIG"
        folder.mkdir(exist_ok=True)
        rows_big = [(f"R{i % 7 + 1}", s, t) for i, (s, t) in enumerate(big)]
        (folder / f"BIG-1.{big_lang}.txt").write_text("\n".join(transcript_lines(rows_big, 1)) + "\n", encoding="utf-8")
        (folder / "BIG-1.en.txt").write_text("\n".join(transcript_lines(rows_big, 2)) + "\n", encoding="utf-8")
        toml += ["[[transcripts]]", 'id = "BIG-1"', f'source = "BIG/BIG-1.{big_lang}.txt"',
                 'translation = "BIG/BIG-1.en.txt"', f'source_lang = "{big_lang}"', ""]
    if ui:
        toml += [ui, ""]
    (root / "transqa.toml").write_text("\n".join(toml), encoding="utf-8")
    return root
