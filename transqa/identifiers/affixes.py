"""Stems a name may hide behind: possessives, case endings, clitic prefixes, Hebrew prefix letters.

``stems("ולאמני")`` → {"ולאמני", "לאמני", "אמני"}; ``stems("amani's")`` → {"amani's", "amani"};
``stems("प्रियाला")`` → {"प्रियाला", "प्रिया"}. Every candidate keeps at least two letters, so
stripping never turns a word into a fragment that matches everything. Input is already folded.
"""

from __future__ import annotations

from functools import lru_cache

from transqa.text.normalise import fold

# Hebrew one-letter prefixes (and, the, in, as, to, from, that) — up to three stacked: וכשב…
_HE_PREFIX = set("והבכלמש")
# Latin clitics joined by an apostrophe or hyphen: Luganda n'Amani, ow'Amani, y'Amani; Swahili wa-Amani.
_LATIN_PREFIXES = ("wa-", "ya-", "za-", "la-", "kwa-", "na-", "ka-", "mu-", "ba-", "n'", "y'", "z'", "g'", "w'",
                   "b'", "k'", "ow'", "ng'", "ky'", "gw'", "ly'", "bw'", "kw'", "l'", "d'", "e'", "o'", "a'",
                   "ku-", "mu'", "n’", "y’", "w’", "z’", "b’", "k’", "ow’", "l’")
# Latin endings: English/German possessives and German plural/dative, Swahili -ni locative.
_LATIN_SUFFIXES = ("'s", "’s", "s'", "s’", "'", "’", "s", "ns", "n", "es", "en", "e", "ni")
# Marathi case suffixes and Hindi oblique endings on names (longest first).
_DEVA_SUFFIXES = tuple(sorted((
    "ला", "ने", "चा", "ची", "चे", "च्या", "शी", "त", "ना", "ंना", "कडे", "साठी", "ही", "च", "ची", "पासून",
    "कडून", "मध्ये", "वर", "ला", "का", "की", "के", "को", "से", "जी", "ने", "नी", "ंनी", "स", "ांना", "ांनी",
    "ाला", "ाने", "ाचा", "ाची", "ाचे", "ाच्या", "्या", "ेला", "ेने", "ेचा", "ेची", "ेचे",
), key=len, reverse=True))
_HE_SUFFIXES = ("של", "ים", "ות")  # rare on names; kept short on purpose
# Marathi/Hindi honorifics written joined to a name (सुनीताताई, रमेशभाऊ, पाटीलसाहेब), before any
# case ending (सुनीताताईंचा = सुनीता + ताईं + चा); the nasalised (oblique/plural) forms too.
_DEVA_HONORIFICS = tuple(sorted((
    "ताई", "ताईं", "भाऊ", "भाऊं", "जी", "जीं", "बाई", "बाईं", "राव", "रावां", "साहेब", "साहेबां",
    "दादा", "दादां", "काका", "काकां", "मावशी", "मावशीं", "आत्या", "आत्यां", "अक्का", "अक्कां", "आजी", "आजीं",
), key=len, reverse=True))


def _is_hebrew(w: str) -> bool:
    return "\u05d0" <= w[0] <= "\u05ea"


def _is_deva(w: str) -> bool:
    return "\u0900" <= w[0] <= "\u097f"


@lru_cache(maxsize=200_000)
def fold_word(word: str) -> str:
    """The match key of one token: case, accents, Hebrew points and final-form differences folded."""
    return fold(word).replace("ß", "ss")


@lru_cache(maxsize=200_000)
def stems(word: str) -> tuple[str, ...]:
    """The word and its plausible stems (folded input), most specific first."""
    if not word:
        return ()
    out = [word]
    if _is_hebrew(word):
        w = word
        for _ in range(3):
            if len(w) > 3 and w[0] in _HE_PREFIX:
                w = w[1:]
                out.append(w)
            else:
                break
        return tuple(dict.fromkeys(out))
    if _is_deva(word):
        for suf in _DEVA_SUFFIXES:
            if word.endswith(suf) and len(word) - len(suf) >= 2:
                out.append(word[: -len(suf)])
        for w in list(out):  # then an honorific joined to the name: सुनीताताईं(चा) → सुनीता
            for hon in _DEVA_HONORIFICS:
                if w.endswith(hon) and len(w) - len(hon) >= 2:
                    out.append(w[: -len(hon)])
                    break
        return tuple(dict.fromkeys(out))
    base = [word]
    if "'" in word or "’" in word or "-" in word:  # every clitic prefix ends in one of these
        for pre in _LATIN_PREFIXES:
            if word.startswith(pre) and len(word) - len(pre) >= 2:
                base.append(word[len(pre):])
                break
    for w in base:
        if w is not word:
            out.append(w)
        for suf in _LATIN_SUFFIXES:
            if w.endswith(suf) and len(w) - len(suf) >= 3:
                out.append(w[: -len(suf)])
    return tuple(dict.fromkeys(out))
