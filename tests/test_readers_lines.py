"""Speaker labels and timestamps at the start of a line (transqa.readers.lines)."""

from __future__ import annotations

import pytest

from transqa.readers.lines import clean, label_candidate, parse_line, parse_lines, parse_timestamp


@pytest.mark.parametrize(
    "line, speaker, text",
    [
        ("R1: Ich finde das gut.", "R1", "Ich finde das gut."),
        ("P3: yes", "P3", "yes"),
        ("M: Karibuni wote", "M", "Karibuni wote"),
        ("I: So what happened?", "I", "So what happened?"),
        ("MOD: Welcome", "MOD", "Welcome"),
        ("Moderator: Welcome", "Moderator", "Welcome"),
        ("moderator: welcome", "moderator", "welcome"),
        ("Interviewer: And then?", "Interviewer", "And then?"),
        ("B2: Ja.", "B2", "Ja."),
        ("Participant 3: I agree", "Participant 3", "I agree"),
        ("Teilnehmerin 2: Genau.", "Teilnehmerin 2", "Genau."),
        ("[P3]: okay", "P3", "okay"),
        ("P01:Hallo", "P01", "Hallo"),
        ("R1 : stray space", "R1", "stray space"),
        ("SPEAKER_01: whisper style", "SPEAKER_01", "whisper style"),
        ("FG1_P3: group and person", "FG1_P3", "group and person"),
        ("Dr. Müller: Guten Tag", None, "Dr. Müller: Guten Tag"),  # a name alone is not enough
        ("प्रतिभागी १: हाँ", "प्रतिभागी १", "हाँ"),
        ("משתתף א: כן", "משתתף א", "כן"),
        ("מנחה: ברוכים הבאים", "מנחה", "ברוכים הבאים"),
        ("משתתפת 2: נכון", "משתתפת 2", "נכון"),
        ("सूत्रसंचालक: नमस्कार सर्वांना", "सूत्रसंचालक", "नमस्कार सर्वांना"),
        ("सहभागी 4: हो", "सहभागी 4", "हो"),
        ("Mshiriki 5: Ndiyo", "Mshiriki 5", "Ndiyo"),
        ("R1: He said: no", "R1", "He said: no"),  # the label is before the FIRST colon only
        ("Moderator:", "Moderator", ""),  # a label on its own line
        ("**R1:** Markdown bold", "R1", "Markdown bold"),
        ("**Moderator**: Markdown bold", "Moderator", "Markdown bold"),
    ],
)
def test_strong_labels(line, speaker, text):
    got = parse_line(line)
    assert (got.speaker, got.text) == (speaker, text)


@pytest.mark.parametrize(
    "line",
    [
        "I said: no",
        "He added: \"This has been one step.\"",
        "A source said: \"Truly was by far the top.\"",
        "Watch: Liverpool's Daniel Sturridge dips deep equalizer",
        "Full statement: https://t.co/BB8bsemt6K",
        "For readers outside of Wales: In Welsh twp means daft.",
        "Zum Beispiel: das war gut",
        "PS: see you",
        "The journalists arrived at 7:30 pm the next day.",
        "Soma zaidi: Tanzania",
        "Er fügte hinzu: „Das war ein Schritt.“",
        "דובר ממשלתי אמר: „הצענו תכנית“",
        "לדברי אחד המקורות: \"Truly היה\"",
        "उन्होंने कहा: \"यह सही है\"",
        "एका सूत्राने सांगितलं: \"Truly\"",
        "https://example.org: a link",
        "Note: translator's comment",
    ],
)
def test_sentences_with_colons_are_not_labels(line):
    assert parse_line(line).speaker is None
    assert parse_line(line).text == line


def test_name_labels_count_only_in_a_labelled_document():
    transcript = ["Anna: Hallo zusammen.", "Lisa B.: Hallo.", "Anna: Wie geht's?", "Lisa B.: Gut.",
                  "Weitere Erläuterung ohne Sprecher."]
    parsed = parse_lines(transcript)
    assert [p.speaker for p in parsed] == ["Anna", "Lisa B.", "Anna", "Lisa B.", None]
    # the same name once in prose is text, not a speaker
    prose = ["Anna: a caption", "Lots of prose here.", "More prose.", "Even more prose.", "End."]
    assert parse_lines(prose)[0].speaker is None
    # and a name that starts only one line of a prose document stays text too
    assert label_candidate("Anna: Hallo")[1] == "weak"
    assert parse_line("Anna: Hallo").speaker is None


def test_hebrew_and_devanagari_names_in_a_labelled_document():
    lines = ["שרה: שלום", "דוד: שלום לך", "שרה: מה שלומך?", "דוד: טוב"]
    assert [p.speaker for p in parse_lines(lines)] == ["שרה", "דוד", "שרה", "דוד"]
    lines = ["सुनीता: नमस्ते", "रवि: नमस्ते", "सुनीता: कैसे हो?", "रवि: ठीक हूँ"]
    assert [p.speaker for p in parse_lines(lines)] == ["सुनीता", "रवि", "सुनीता", "रवि"]


@pytest.mark.parametrize(
    "line, timestamp, seconds, speaker, text",
    [
        ("[00:01:23] R1: hello", "[00:01:23]", 83.0, "R1", "hello"),
        ("R1: [00:01:23] hello", "[00:01:23]", 83.0, "R1", "hello"),
        ("[01:23] hello", "[01:23]", 83.0, None, "hello"),
        ("[00:01:23.5] hello", "[00:01:23.5]", 83.5, None, "hello"),
        ("[00.01.23] QualCoder", "[00.01.23]", 83.0, None, "QualCoder"),
        ("#00:01:23-4# R1: f4", "#00:01:23-4#", 83.4, "R1", "f4"),
        ("R1: f4 at the end #00:01:23-4#", "#00:01:23-4#", 83.4, "R1", "f4 at the end"),
        ("#00:01:23.450# qualcoder", "#00:01:23.450#", 83.45, None, "qualcoder"),
        ("(00:01:23) parens", "(00:01:23)", 83.0, None, "parens"),
        ("{00:01:23} braces", "{00:01:23}", 83.0, None, "braces"),
        ("[01:02:03] - aTrain", "[01:02:03]", 3723.0, None, "aTrain"),
        ("Moderator: 00:01:23.5 vtt2txt", "00:01:23.5", 83.5, "Moderator", "vtt2txt"),
        ("מנחה: [00:00:05] שלום", "[00:00:05]", 5.0, "מנחה", "שלום"),
    ],
)
def test_timestamps(line, timestamp, seconds, speaker, text):
    got = parse_line(line)
    assert (got.timestamp, got.seconds, got.speaker, got.text) == (timestamp, seconds, speaker, text)


def test_leading_and_trailing_timestamps_keep_both():
    got = parse_line("[00:01:00] R1: text #00:01:05-2#")
    assert (got.timestamp, got.end_timestamp, got.text) == ("[00:01:00]", "#00:01:05-2#", "text")


@pytest.mark.parametrize("line", ["[99:99] not a time", "(6.30-10am) market", "(12.30) text",
                                  "10:30 we met", "1519 wurde er Herrscher"])
def test_things_that_are_not_timestamps(line):
    got = parse_line(line)
    assert got.timestamp is None and got.text == line


def test_parse_timestamp():
    assert parse_timestamp("#00:00:06-8#") == ("#00:00:06-8#", 6.8)
    assert parse_timestamp("[1:02:03]") == ("[1:02:03]", 3723.0)
    assert parse_timestamp("speaker") is None


# --- the real parallel corpus: sentences with colons must not become speakers --------------

def _false_labels(lines: list[str]) -> list[str]:
    return [line for line, p in zip(lines, parse_lines(lines)) if p.speaker is not None]


def test_no_false_labels_on_real_sentences(parallel):
    """Every corpus line is prose or a caption, so every label found would be false.

    Measured on all six languages, both sides, each language's side read as one document: 0 of
    12,620 source and 12,620 English lines (1,462 of them contain a colon).
    """
    report = {}
    for lang in parallel.LANGS:
        pairs = parallel.pairs(lang)
        for side, lines in (("src", [s for s, _ in pairs]), ("en", [e for _, e in pairs])):
            with_colon = sum(":" in line for line in lines)
            false = _false_labels(lines)
            report[f"{lang}-{side}"] = (len(false), with_colon)
            assert not false, f"{lang} {side}: {false[:3]}"
    assert sum(c for _, c in report.values()) > 500  # the test really saw colons


def test_no_false_labels_inside_a_labelled_transcript(parallel):
    """Corpus lines as unlabelled continuation paragraphs between labelled turns: a labelled
    document switches on name-shaped labels, which must still not catch captions and quotes."""
    for lang in parallel.LANGS:
        for side in (0, 1):
            lines = [p[side] for p in parallel.pairs(lang)]
            for label in ("R1", "Anna", "Amani Juma"):
                doc = [f"{label}: {line}" if i % 2 == 0 else line for i, line in enumerate(lines)]
                parsed = parse_lines(doc)
                false = [doc[i] for i in range(1, len(doc), 2) if parsed[i].speaker is not None]
                missed = [doc[i] for i in range(0, len(doc), 2)
                          if (parsed[i].speaker, parsed[i].text) != (label, clean(lines[i]))]
                assert len(false) <= len(doc) // 2000, (lang, side, label, false[:3])
                assert not missed, (lang, side, label, missed[:3])


@pytest.mark.parametrize("lang, labels", [
    ("he", ["מנחה", "משתתף 3", "שרה"]),
    ("mr", ["सूत्रसंचालक", "सहभागी 2", "सुनीता"]),
    ("hi", ["संचालक", "प्रतिभागी 1", "रवि"]),
    ("sw", ["Msimamizi", "Mshiriki 4", "Amani"]),
    ("lg", ["Omubuuza", "R2", "Nakato"]),
    ("de", ["Moderatorin", "B2", "Frau Müller"]),
])
def test_labels_in_local_scripts_are_recovered_from_real_lines(parallel, lang, labels):
    lines = [s for s, _ in parallel.pairs(lang)][:600]
    doc = [f"{labels[i % 3]}: {line}" for i, line in enumerate(lines)]
    parsed = parse_lines(doc)
    wrong = [(d, p.speaker) for d, p, i in zip(doc, parsed, range(len(doc))) if p.speaker != labels[i % 3]]
    assert not wrong, wrong[:3]
    assert [p.text for p in parsed] == [clean(line) for line in lines]
