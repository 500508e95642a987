"""Shaped identifiers: phones, e-mails, URLs, ID numbers, dates, ages, addresses."""

from __future__ import annotations

import pytest

from transqa.identifiers.patterns import aadhaar_ok, find_all, israeli_id_ok, kvnr_ok, verhoeff_ok


def kinds(text: str) -> list[tuple[str, str]]:
    return [(m.kind, text[m.start:m.end]) for m in find_all(text)]


@pytest.mark.parametrize("number", [
    "0772 123456", "+256 772 123456", "0754 123 456", "+255 754 123 456", "052-1234567", "+972 52-123-4567",
    "03-6401234", "98765 43210", "+91 98765 43210", "020 2612 3456", "0731 1234567", "0151 23456789",
    "+49 731 1234567", "+4915123456789",
])
def test_phones_of_study_countries(number):
    assert ("phone", number) in kinds(f"piga simu {number} kesho")


@pytest.mark.parametrize("text", [
    "between 2010-2015 prices rose", "some 10 000 000 people", "on 12.03.2019 it rained",
    "the 1,250,000 shilling budget", "scores of 1234 and 5678",
])
def test_numbers_that_are_not_phones(text):
    assert not [k for k, _ in kinds(text) if k == "phone"]


@pytest.mark.parametrize("text,item", [
    ("write to anna.mueller@web.de please", "anna.mueller@web.de"),
    ("barua pepe: j_okello+fg@mak.ac.ug.", "j_okello+fg@mak.ac.ug"),
])
def test_emails(text, item):
    assert ("email", item) in kinds(text)


@pytest.mark.parametrize("text,item", [
    ("see https://example.org/page?x=1.", "https://example.org/page?x=1"),
    ("visit www.amani-family.org today", "www.amani-family.org"),
    ("go to butabika.go.ug", "butabika.go.ug"),
])
def test_urls(text, item):
    assert ("url", item) in kinds(text)


def test_email_domain_is_not_also_a_url():
    assert kinds("mail anna@web.de now") == [("email", "anna@web.de")]


def test_check_digit_algorithms():
    assert israeli_id_ok("000000018") and not israeli_id_ok("000000017")
    assert verhoeff_ok("2363") and not verhoeff_ok("2364")
    assert aadhaar_ok("234123412346") == verhoeff_ok("234123412346")
    assert not aadhaar_ok("134123412346")  # Aadhaar never starts with 0 or 1
    assert kvnr_ok("A123456780") and not kvnr_ok("A123456781")


@pytest.mark.parametrize("text,item", [
    ("my ID is 000000018 ok", "000000018"),
    ("MRN 123456 was given", "MRN 123456"),
    ("patient no. 44812", "patient no. 44812"),
    ("namba ya mgonjwa 5521/19", "namba ya mgonjwa 5521/19"),
    ("NIN CM90012345ABCD here", "NIN CM90012345ABCD"),
    ("her number CF84012345XKLM.", "CF84012345XKLM"),
    ("NIDA 19900101-12345-00001-23", "NIDA 19900101-12345-00001-23"),
    ("application (no. 36110/97) against", "no. 36110/97"),
    ("card A123456780 valid", "A123456780"),
])
def test_id_numbers(text, item):
    assert ("id-number", item) in kinds(text)


def test_nine_digits_failing_the_check_are_not_israeli_ids():
    assert not [k for k, _ in kinds("the value 000000017 was") if k == "id-number"]


@pytest.mark.parametrize("text,item", [
    ("born on 12/03/1985 in", "12/03/1985"),
    ("on 25 April 2019 we", "25 April 2019"),
    ("on April 25, 2019 we", "April 25, 2019"),
    ("am 3. März 2021 war", "3. März 2021"),
    ("tarehe 25 Aprili 2019 tulikwenda", "25 Aprili 2019"),
    ("nga 5 Janwali 2020", "5 Janwali 2020"),
    ("זה קרה ב-5 במאי 2020 בערב", "ב-5 במאי 2020"),
    ("२५ एप्रिल २०१९ रोजी", "२५ एप्रिल २०१९"),
    ("5 मई 2020 को", "5 मई 2020"),
])
def test_full_dates_in_study_languages(text, item):
    assert ("date", item) in kinds(text)


@pytest.mark.parametrize("text", ["in March 2020 it began", "in 1998 they met", "chapter 3.2.1 says"])
def test_month_or_year_alone_is_not_a_full_date(text):
    assert not [k for k, _ in kinds(text) if k == "date"]


@pytest.mark.parametrize("text,item", [
    ("she is 34 and", "she is 34"), ("a 34-year-old woman", "34-year-old"), ("ana miaka 34 sasa", "ana miaka 34"),
    ("sie ist 34 Jahre alt", "ist 34 Jahre"), ("היא בת 34 וגרה", "בת 34"), ("तो ३४ वर्षांचा आहे", "३४ वर्षांचा"),
    ("alina emyaka 40", "alina emyaka 40"), ("he was born in 1962 and", "born in 1962"),
])
def test_ages(text, item):
    assert ("age", item) in kinds(text)


@pytest.mark.parametrize("text", ["she is 34% sure", "I am 5 minutes late", "he was 3 times there"])
def test_not_ages(text):
    assert not [k for k, _ in kinds(text) if k == "age"]


@pytest.mark.parametrize("text,item", [
    ("wir wohnen Hauptstraße 12 seit", "Hauptstraße 12"), ("at 12 Main Street now", "12 Main Street"),
    ("Plot 45 Kampala Road is", "Plot 45 Kampala Road"), ("גר ברחוב הרצל 5 בעיר", None),
    ("רחוב הרצל 5", "רחוב הרצל 5"), ("in 89073 Ulm", "89073 Ulm"), ("P.O. Box 123 Kampala", "P.O. Box 123"),
    ("Karl-Marx-Allee 90 und", "Karl-Marx-Allee 90"),
])
def test_addresses(text, item):
    found = [x for k, x in kinds(text) if k == "address"]
    if item is None:
        return  # prefixed street word: not required
    assert item in found
