"""Small hand-made word lists the detectors need: function words, titles, cues, month names.

Why hand-made: no offline dictionary covers Swahili, Luganda, Hebrew and Marathi together, and
names-dataset costs 1.8 GB and 16 s to load. These lists are short on purpose: they say what is
certainly *not* a name (common words) and what strongly announces one (titles, institution
nouns), and nothing else. All entries are folded (lower case, no accents).
"""

from __future__ import annotations

# --- Common words: a capitalised token in this set is never taken for a name by itself. ------
_EN = """
a about above across after afterwards again against ago all almost alone along already also although always am
among an and another any anybody anyone anything anyway anywhere are around as at away back be because
become been before behind being below beside besides between beyond both but by can cannot could did do does
doing done down during each either else enough even ever every everybody everyone everything everywhere except
few first for from further had has have having he her here hers herself him himself his how however i if in
indeed into is it its itself just last least less let like many may me meanwhile might mine more moreover most
mostly much must my myself neither never nevertheless next no nobody none nor not nothing now nowhere of off
often on once one only onto or other others otherwise our ours ourselves out over own per perhaps please quite
rather really same second several she should since so some somebody someone something sometimes somewhere still
such than that the their theirs them themselves then there thereafter therefore these they third this those
though through throughout thus to together too toward towards under unless until up upon us very via was we
well were what whatever when whenever where whereas wherever whether which while who whoever whole whom whose
why will with within without would yes yet you your yours yourself yourselves okay ok oh ah yeah hmm mm uh um
eh no yes thank thanks hello hi dear sir madam ladies gentlemen everyone today tomorrow yesterday tonight
god lord allah jesus christ bible quran church mosque hospital clinic school university court government
ministry minister president prime parliament police army state republic national international united nations
union european commission committee council department office agency company group party article section
chapter paragraph act law code convention protocol rule rules applicant applicants respondent government's
judge judgment decision appeal application case cases claim claims complaint complaints authorities authority
prosecutor prosecution public district regional supreme constitutional administrative criminal civil high
federal city town village region province county north south east west northern southern eastern western
central new old great little good bad big small many more most mister doctor nurse sister brother mother father
mum mom dad mama baba auntie aunt uncle grandma grandpa grandmother grandfather son daughter wife husband
friend friends people person man woman men women child children boy girl family community group members member
moderator interviewer participant participants respondent respondents facilitator translator note notes
english german hebrew swahili luganda marathi hindi arabic french african european indian israeli german
ugandan tanzanian kenyan american british muslim muslims christian christians jewish hindu catholic protestant
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december covid coronavirus hiv aids tb malaria ebola corona internet facebook
whatsapp twitter google youtube tv radio mr mrs ms dr prof st no nr inaudible laughs laughter crosstalk pause
unclear silence yes i'm i've i'd i'll you're you've we're we've they're they've he's she's it's that's there's
what's let's don't doesn't didn't can't couldn't won't wouldn't isn't aren't wasn't weren't haven't hasn't
so well now then because but and or if when while although however also again first second third finally
actually basically really just maybe perhaps sometimes usually because therefore okay right sure exactly
covid-19 un eu who unicef usa uk
"""
_DE = """
aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anders auch auf aus
bei beim bin bis bist da dabei dadurch dafür dagegen daher damals damit danach dann daran darauf darum das dass
dein deine dem den denn der deren des dessen deshalb die dies diese diesem diesen dieser dieses doch dort du
durch ein eine einem einen einer eines einige einmal er es etwas euch euer eure für gegen gewesen hab habe
haben hat hatte hätte hier hin hinter ich ihm ihn ihnen ihr ihre im in indem ins ist ja jede jedem jeden jeder
jedes jetzt kann kein keine können könnte machen man manche mehr mein meine mich mir mit muss müssen nach
nachdem nein nicht nichts noch nun nur ob oder ohne schon sehr sein seine sich sie sind so solche soll sollte
sondern sonst über um und uns unser unsere unter viel vom von vor wann war waren warum was weil weiter welche
wenn wer werde werden wie wieder will wir wird wo wollen würde zu zum zur zwar zwischen herr frau herrn
gott montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai juni juli august
september oktober november dezember
"""
_SW = """
na ya wa za la kwa katika ni si hii hiyo huo ile yule huyu hawa hao wale kama lakini au pia sana tu bado
hata ndiyo hapana sawa asante karibu mimi wewe yeye sisi ninyi wao mwenyewe kwamba ili kwenye baada kabla
wakati leo jana kesho kila baadhi yote wote zote hapa pale huko kule nini nani gani wapi lini vipi kwa nini
mama baba bibi babu dada kaka shangazi mjomba bwana bi daktari mwalimu mungu jumatatu jumanne jumatano
alhamisi ijumaa jumamosi jumapili januari februari machi aprili mei juni julai agosti septemba oktoba novemba
desemba tarehe mwezi mwaka siku wiki serikali rais waziri hospitali shule kanisa msikiti mkoa wilaya kijiji
amani baraka neema rehema zawadi tumaini imani upendo furaha bahati subira faraja salama pendo hekima heri
"""
_LG = """
era nti naye nga kubanga oba ne na ku mu ye bo ffe mmwe nze ggwe kati ddala nnyo bwe mpozzi wabula kyokka
naye olw olwa kwa ya wa za ba gwe lwe bye kye kino kiri ekyo abo bano ono oyo ssebo nnyabo maama taata jjajja
katonda mukama bbeyi leero jjo enkya ggwanga gavumenti pulezidenti minisita eddwaliro essomero ekkanisa
omusawo dokita bbaawo mwami mukyala
"""
_OTHER = """
ok okay hmm mm eh ah yaani sasa basi haya ndio ndiyo ee mhm mmh hm uh um uhm aha uh-huh mm-hmm ehm äh ähm
"""


def _set(*blocks: str) -> frozenset[str]:
    return frozenset(w for b in blocks for w in b.split())


COMMON_WORDS: dict[str, frozenset[str]] = {
    "en": _set(_EN, _OTHER),
    "de": _set(_DE, _OTHER),
    "sw": _set(_SW, _OTHER),
    "lg": _set(_LG, _OTHER),
}
ALL_COMMON = frozenset().union(*COMMON_WORDS.values())
# Common words that are also given names (Swahili virtue names: Rehema "mercy", Baraka
# "blessing"). Lower case they are words; capitalised inside a sentence they are names.
WORD_NAMES = frozenset("""
amani baraka neema rehema zawadi tumaini imani upendo furaha bahati subira faraja salama pendo hekima heri
""".split())

# --- Titles and address forms: the capitalised word after one is a name (a strong cue). ------
TITLES = frozenset("""
mr mrs ms miss mister dr doctor prof professor sister nurse rev reverend father pastor imam sheikh rabbi
herr frau fräulein doktor schwester pfarrer bwana bi mama baba dada kaka mzee mwalimu daktari dokta dkt
mchungaji askofu
ssebo nnyabo maama taata omukyala omwami mw mukyala jjajja hajji haji hajjat madam sir aunt auntie uncle
shri shrimati smt kumari sri ji sergeant sgt constable inspector officer captain lieutenant colonel major
judge justice ambassador bishop med phil jur dent habil
""".split())

# Institution nouns: a capitalised word next to one names an institution.
INSTITUTION_NOUNS = frozenset("""
hospital hospitals clinic clinics school schools college university church cathedral mosque temple synagogue
company ltd limited inc corporation bank centre center ministry foundation association prison court
academy institute health-centre dispensary directorate government station office department council
authority agency service services commission police ministry ministries tribunal prosecutor's
klinik kliniken klinikum krankenhaus praxis schule gymnasium universität hochschule kirche moschee gemeinde
firma gmbh ag verein zentrum
hopital clinique universite ecole lycee universidad colegio instituto
hospitali zahanati shule chuo kanisa msikiti kampuni benki kituo
eddwaliro ddwaliro amalwaliro essomero ssomero ekkanisa kkanisa muzikiti kkampuni yunivasite
""".split())
# Place nouns that turn a following/preceding capitalised word into a place.
PLACE_CUES = frozenset("""
in at from near to village town city district region county street road avenue lane
kijiji mji jiji wilaya mkoa mtaa barabara kutoka mjini
ekyalo disitulikiti kibuga
im aus nach bei dorf stadt kreis bezirk straße strasse
""".split())

# --- Occupations (English head nouns, singular): a quasi-identifier in a phrase that gives
# someone's job ("worked as a taxi driver", "a retired teacher", "he was a journalist"). The
# head is the last word of the phrase; the words before it ("primary school", "police") are
# taken with it. Roles every focus group has (patient, student, mother) are not listed.
OCCUPATIONS = frozenset("""
teacher lecturer professor headteacher headmaster headmistress tutor instructor nurse midwife doctor physician
surgeon psychiatrist psychologist psychotherapist therapist counsellor counselor pharmacist dentist paramedic
radiographer physiotherapist optician vet veterinarian pathologist gynaecologist gynecologist paediatrician
pediatrician anaesthetist anesthetist cardiologist neurologist dermatologist obstetrician clinician healer
herbalist cleaner cook chef waiter waitress barman bartender baker butcher farmer fisherman fishmonger herdsman
shepherd labourer laborer builder carpenter plumber electrician mechanic welder mason bricklayer painter
decorator tailor seamstress dressmaker hairdresser barber beautician driver pilot conductor rider chauffeur
engineer architect surveyor accountant auditor banker cashier clerk secretary receptionist bookkeeper manager
administrator officer policeman policewoman soldier guard watchman askari firefighter fireman lawyer advocate
solicitor barrister attorney magistrate prosecutor notary paralegal journalist reporter correspondent editor
photographer cameraman writer novelist poet artist sculptor musician singer actor actress dancer comedian priest
pastor imam rabbi cantor nun monk missionary evangelist catechist deacon shopkeeper trader vendor hawker
salesman saleswoman salesperson merchant businessman businesswoman entrepreneur consultant technician scientist
researcher economist statistician translator interpreter librarian archivist housekeeper maid nanny babysitter
au-pair caretaker janitor porter gardener postman postwoman courier miner quarryman blacksmith goldsmith
jeweller jeweler potter weaver cobbler shoemaker upholsterer locksmith plasterer roofer glazier tiler joiner
printer programmer politician councillor councilor mayor diplomat ambassador civil-servant servant worker
employee official inspector investigator detective warder jailer sailor seaman fisherwoman lorry-driver
trucker dispatcher storekeeper warehouseman chemist optometrist dietitian nutritionist sociologist
anthropologist historian aide assistant schoolteacher carer caregiver care-giver sergeant constable corporal
apprentice student housewife homemaker herder fisher stonemason
""".split())
# Words between the cue and the occupation that are not part of its name ("a very good
# teacher" gives "teacher"); any other word there is taken with it ("primary school teacher").
OCCUPATION_NOT_MODIFIERS = frozenset("""
a an the and or of who that which for with to in at on his her my their our your its not no very really quite
good bad great fine fellow co same other kind nice big little young old new hard real true full proper
""".split())

# --- Months (folded) of every study language, for date detection. ------------------------------
MONTHS = {
    "en": "january february march april may june july august september october november december "
          "jan feb mar apr jun jul aug sep sept oct nov dec",
    "de": "januar jänner februar märz maerz april mai juni juli august september oktober november dezember",
    "sw": "januari februari machi aprili mei juni julai agosti septemba oktoba novemba desemba",
    "lg": "janwali febwali maaki apuli mayi juuni julaayi agusito ssebutemba okitobba novemba desemba "
          "janwaliyo febwaliyo apuli",
    "he": "ינואר פברואר מרץ מרס אפריל מאי יוני יולי אוגוסט ספטמבר אוקטובר נובמבר דצמבר",
    "hi": "जनवरी फरवरी फ़रवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर सितम्बर अक्टूबर अक्तूबर नवंबर नवम्बर दिसंबर दिसम्बर",
    "mr": "जानेवारी फेब्रुवारी मार्च एप्रिल मे जून जुलै ऑगस्ट सप्टेंबर ऑक्टोबर नोव्हेंबर डिसेंबर",
}

# --- Descriptor words of each language mapped to the English descriptor they translate. ------
DESCRIPTOR_TRANSLATIONS = {
    # de
    "name": "name", "vorname": "name", "nachname": "name", "ort": "place", "stadt": "city", "dorf": "village",
    "land": "country", "krankenhaus": "hospital", "klinik": "clinic", "schule": "school",
    "arbeitsplatz": "workplace", "arbeitgeber": "employer", "kirche": "church", "datum": "date",
    "alter": "age", "nummer": "number", "telefon": "phone", "telefonnummer": "phone", "adresse": "address",
    "anschrift": "address", "straße": "street", "strasse": "street", "beruf": "occupation",
    "einrichtung": "institution", "organisation": "organisation", "bezirk": "district", "landkreis": "district",
    # sw
    "jina": "name", "mahali": "place", "mji": "town", "jiji": "city", "kijiji": "village", "wilaya": "district",
    "nchi": "country", "hospitali": "hospital", "zahanati": "clinic", "shule": "school", "kanisa": "church",
    "tarehe": "date", "umri": "age", "namba": "number", "simu": "phone", "anwani": "address", "mtaa": "street",
    "kazi": "job", "taasisi": "institution", "shirika": "organisation", "mwajiri": "employer",
    # lg
    "erinnya": "name", "linnya": "name", "ekifo": "place", "ekyalo": "village", "ekibuga": "town",
    "disitulikiti": "district", "eggwanga": "country", "eddwaliro": "hospital", "essomero": "school",
    "ekkanisa": "church", "olunaku": "date", "emyaka": "age", "ennamba": "number", "essimu": "phone",
    "omulimu": "job",
    # he
    "שם": "name", "מקום": "place", "עיר": "city", "כפר": "village", "יישוב": "town", "מחוז": "district",
    "ארץ": "country", "מדינה": "country", "בית חולים": "hospital", "בית-חולים": "hospital", "מרפאה": "clinic",
    "בית ספר": "school", "בית-ספר": "school", "כנסייה": "church", "תאריך": "date", "גיל": "age",
    "מספר": "number", "טלפון": "phone", "כתובת": "address", "רחוב": "street", "עבודה": "job",
    "מקצוע": "occupation", "מוסד": "institution", "ארגון": "organisation", "מעסיק": "employer",
    "מקום עבודה": "workplace",
    # mr / hi
    "नाव": "name", "नाम": "name", "ठिकाण": "place", "जगह": "place", "स्थान": "place", "शहर": "city",
    "गाव": "village", "गांव": "village", "गाँव": "village", "जिल्हा": "district", "जिला": "district",
    "देश": "country", "रुग्णालय": "hospital", "दवाखाना": "clinic", "अस्पताल": "hospital", "शाळा": "school",
    "स्कूल": "school", "विद्यालय": "school", "चर्च": "church", "तारीख": "date", "दिनांक": "date", "वय": "age",
    "उम्र": "age", "क्रमांक": "number", "नंबर": "number", "फोन": "phone", "फ़ोन": "phone", "पत्ता": "address",
    "पता": "address", "रस्ता": "street", "सड़क": "street", "नोकरी": "job", "नौकरी": "job", "व्यवसाय": "occupation",
    "संस्था": "institution", "संगठन": "organisation",
    # en synonyms
    "person": "name", "participant": "name", "location": "place", "organization": "organisation",
}

# Bracketed transcription conventions: not placeholders and not blank-outs.
TRANSCRIPTION_CONVENTIONS = frozenset("""
inaudible unclear unintelligible laughs laughter laughing crosstalk cross-talk pause silence sighs cough
coughs coughing noise background interruption interrupted overlap overlapping music phone ringing
incomprehensible ... … unverständlich lachen lacht pause husten räuspern unverständlich
kicheko haisikiki kimya
לא ברור צחוק שתיקה הפסקה
अस्पष्ट हंसी हसणे शांतता
""".split())

# --- Generic words of institution and place names, in every study language and script. ---------
# One of these inside a multiword register name ("Soroka Medical Center", "ससून हॉस्पिटल") only
# says what kind of thing the name is; alone it is an ordinary word and must not match the entry.
GENERIC_NAME_WORDS = frozenset("""
hospital hospitals clinic clinics medical centre center centres centers health mental general university college
school schools church mosque temple ward wards unit department village district road street avenue lane town city
county region province state national regional community central public private memorial teaching referral
psychiatric rehabilitation institute institution foundation home house hall group ltd limited trust service services
north south east west new old upper lower st saint
krankenhaus krankenhäuser klinik kliniken klinikum universitätsklinikum uniklinik praxis station abteilung ambulanz
zentrum schule universität kirche gemeinde dorf stadt kreis bezirk straße strasse weg platz allee bäckerei
hospitali zahanati kliniki kituo cha afya shule chuo kanisa msikiti kijiji wilaya mkoa mtaa barabara mji jiji
eddwaliro ddwaliro amalwaliro essomero ssomero ekkanisa kkanisa ekyalo disitulikiti ekibuga kibuga luguudo oluguudo
בית חולים בית-חולים בי"ח מרכז רפואי רפואית מרפאה מחלקה אוניברסיטה מכללה בית-ספר ספר כפר עיר שכונה רחוב דרך מחוז
हॉस्पिटल हॉस्पिटलला हॉस्पिटलमध्ये रुग्णालय रुग्णालयात दवाखाना दवाखान्यात अस्पताल क्लिनिक मेडिकल सेंटर कॉलेज
महाविद्यालय विद्यापीठ विश्वविद्यालय शाळा स्कूल गाव गांव गाँव शहर जिल्हा जिला रस्ता रोड सड़क वॉर्ड वार्ड केंद्र
""".split())

# Hebrew and Devanagari function words and fillers (the commonest words of speech), which can
# never be names: no prefix letters or case endings are listed, the callers strip those.
NON_LATIN_COMMON = frozenset("""
אולם אבל עם בין כל רק גם הוא היא הם הן זה זו זאת אני אתה את אנחנו אתם מה מי איך למה כי אם לא כן יש אין עוד
כבר היה היו הייתה אחד אחת שני שתי שלוש מאוד רבה טוב בית עיר ארץ דרך שם פה כאן עכשיו היום אז גן ים הר נחל עין
אמר אמרה כאילו בעצם פשוט ממש אפילו עדיין בגלל אחרי לפני כמו הרבה קצת יותר פחות תמיד אולי בסדר נכון אצל אותו
אותה אותם אותי אותך אותנו שלי שלך שלו שלה שלנו שלהם הזה הזאת האלה אלה אלו איפה מתי כמה כך לכן אבל אלא גם
כשהוא כשהיא יכול יכולה צריך צריכה רוצה אומר אומרת הולך הולכת עושה עושים יודע יודעת חושב חושבת דבר דברים
אנשים איש אישה ילד ילדים משהו מישהו שום כלום הכל תודה סליחה בבקשה לגבי כלומר בערך ביחד לבד באמת
आणि आहे होते हे ते या की का के में से को पर भी नहीं एक दो तीन हा ही तो वह यह था थी है हैं गया गई कर करना
होता होती मी तू आम्ही तुम्ही त्या त्यांनी म्हणून पण नाही काही सर्व खूप येथे तेथे आज काल उद्या देश राज्य शहर गाव
मला तुला त्याला तिला आपण आपल्या असे असं तसं जसं म्हणजे कारण जेव्हा तेव्हा किंवा अजून फक्त खरं बरं हो नको
""".split())
