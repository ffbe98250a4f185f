"""The portal's content as the ministry's source page states it, in English and Danish.

Only what the source says is here. Where it is silent (dates, addresses, job titles, attachés'
names, images) nothing is given and the fields stay empty for editors. Centre locations are the
coordinates of the cities the source names, so the map can place them.

What the source says of a group is stated once, for the group: the centres' focus areas and the
agreements' possible activities are in the initiatives' text (shown on the list pages), not given
to each centre or agreement as if the source said so of each. The focus areas and activities
exist as terms for editors to tag centres and agreements with once they know.
"""

CONTACTS = [
    {
        "slug": "karin-ilsoth-rasmussen",
        "name": "Karin Ilsøth Rasmussen",
        "phone": "+4572318213",
        "email": "kra@ufm.dk",
        "position": 1,
    },
    {
        "slug": "sune-kaur-pedersen",
        "name": "Sune Kaur-Pedersen",
        "phone": "+4572318240",
        "email": "spe@ufm.dk",
        "position": 2,
    },
]

FOCUS_AREAS = [
    {"slug": "green-technologies", "name_en": "Green technologies", "name_da": "Grønne teknologier", "position": 1},
    {
        "slug": "information-and-communication-technologies",
        "name_en": "Information and communication technologies",
        "name_da": "Informations- og kommunikationsteknologi",
        "position": 2,
    },
    {
        "slug": "health-and-biotechnology",
        "name_en": "Health and biotechnology",
        "name_da": "Sundhed og bioteknologi",
        "position": 3,
    },
]

# What the source says of each centre: where it is and who established it. What it says of all seven
# (their aim, focus areas and attachés) is in the Innovation Centre Denmark initiative.
CENTRE_SUMMARY_EN = (
    "One of the seven Innovation Centres that the ministry has established in cooperation with the "
    "Ministry of Foreign Affairs, located in {city}."
)
CENTRE_SUMMARY_DA = (
    "Et af de syv innovationscentre, som ministeriet har etableret i samarbejde med Udenrigsministeriet. "
    "Centret ligger i {city}."
)

# slug, English city, Danish city, country, latitude, longitude
CENTRES = [
    ("munich", "Munich", "München", "DE", "48.13743", "11.57549"),
    ("tel-aviv", "Tel Aviv", "Tel Aviv", "IL", "32.08530", "34.78177"),
    ("bangalore", "Bangalore", "Bangalore", "IN", "12.97194", "77.59369"),
    ("seoul", "Seoul", "Seoul", "KR", "37.56600", "126.97840"),
    ("shanghai", "Shanghai", "Shanghai", "CN", "31.22222", "121.45806"),
    ("boston", "Boston", "Boston", "US", "42.35843", "-71.05977"),
    ("silicon-valley", "Silicon Valley", "Silicon Valley", "US", "37.38700", "-122.05700"),
]

ACTIVITIES = [
    {
        "slug": "researcher-exchanges",
        "name_en": "Exchanges of researchers",
        "name_da": "Udveksling af forskere",
        "position": 1,
    },
    {"slug": "workshops", "name_en": "Workshops", "name_da": "Workshops", "position": 2},
    {
        "slug": "project-collaboration",
        "name_en": "Project collaboration",
        "name_da": "Projektsamarbejde",
        "position": 3,
    },
]

INNOVATION_FUND_DENMARK = {
    "slug": "innovation-fund-denmark",
    "name_en": "Innovation Fund Denmark",
    "name_da": "Innovationsfonden",
    "funds_en": "Funds project collaboration.",
    "funds_da": "Finansierer projektsamarbejde.",
}

# slug, country, UN M49 region, English name, Danish name, funded by Innovation Fund Denmark.
# What the source says of all ten agreements (what they do, the possible activities) is in the
# bilateral agreements initiative, shown on the agreements page.
AGREEMENTS = [
    ("usa", "US", "americas", "the USA", "USA", True),
    ("china", "CN", "asia", "China", "Kina", True),
    ("japan", "JP", "asia", "Japan", "Japan", False),
    ("germany", "DE", "europe", "Germany", "Tyskland", False),
    ("south-korea", "KR", "asia", "South Korea", "Sydkorea", True),
    ("india", "IN", "asia", "India", "Indien", True),
    ("brazil", "BR", "americas", "Brazil", "Brasilien", True),
    ("israel", "IL", "asia", "Israel", "Israel", False),
    ("south-africa", "ZA", "africa", "South Africa", "Sydafrika", False),
    ("turkey", "TR", "asia", "Turkey", "Tyrkiet", False),
]

# Other names visitors type for the countries the portal covers. Editors extend this list in the admin.
COUNTRY_ALIASES = {
    "US": {
        "name": ["United States", "America", "Amerika", "De Forenede Stater", "Amerikas Forenede Stater"],
        "abbreviation": ["US", "U.S.", "U.S.A.", "USA"],
        "city": ["Boston", "Silicon Valley"],
    },
    "CN": {
        "name": ["People's Republic of China", "Folkerepublikken Kina", "Zhongguo", "中国"],
        "abbreviation": ["PRC"],
        "city": ["Shanghai", "Shanghaj"],
    },
    "JP": {"name": ["Nippon", "Nihon", "日本"]},
    "DE": {
        "name": ["Deutschland", "Federal Republic of Germany", "Forbundsrepublikken Tyskland"],
        "abbreviation": ["FRG", "BRD"],
        "city": ["Munich", "München", "Muenchen"],
    },
    "KR": {
        "name": ["Korea", "Republic of Korea", "Republikken Korea", "Hanguk", "Daehan Minguk", "대한민국"],
        "abbreviation": ["ROK"],
        "city": ["Seoul", "Søul"],
    },
    "IN": {
        "name": ["Bharat", "Republic of India", "Republikken Indien"],
        "city": ["Bangalore", "Bengaluru"],
    },
    "BR": {"name": ["Brasil", "Federative Republic of Brazil", "Forbundsrepublikken Brasilien"]},
    "IL": {
        "name": ["State of Israel", "Staten Israel", "Yisrael", "ישראל"],
        "city": ["Tel Aviv", "Tel Aviv-Yafo", "Tel-Aviv"],
    },
    "ZA": {
        "name": ["Republic of South Africa", "Republikken Sydafrika", "Suid-Afrika"],
        "abbreviation": ["RSA"],
    },
    "TR": {"name": ["Turkey", "Republic of Türkiye", "Republic of Turkey", "Tyrkiet"]},
    # Names of countries without an agreement, so that a visitor typing them is told so instead of being
    # sent to a similar-looking country.
    "KP": {"name": ["Democratic People's Republic of Korea", "DPRK"]},
    "GB": {"name": ["Great Britain", "England"], "abbreviation": ["UK"]},
    "NL": {"name": ["The Netherlands", "Nederland", "Nederlandene"]},
    "AE": {"abbreviation": ["UAE"]},
}

PAGES = [
    {
        "key": "overview",
        "title_en": "International research and innovation cooperation",
        "title_da": "Internationalt forsknings- og innovationssamarbejde",
        "summary_en": (
            "Research and innovation is distinctly international in nature, and international cooperation "
            "is of particular interest to a country the size of Denmark."
        ),
        "summary_da": (
            "Forskning og innovation er udpræget international i sin natur, og internationalt samarbejde er "
            "af særlig interesse for et land på Danmarks størrelse."
        ),
        "body_en": (
            "<p>It is crucial that Danish education and research institutions, innovation actors, companies "
            "and authorities have access to networks, knowledge and cooperation with countries in and "
            "outside Europe.</p>"
            "<p>The Ministry of Higher Education and Science (UFM) in Denmark is responsible for and develops "
            "a number of initiatives aimed at increasing networking and knowledge exchange between Danish and "
            "foreign research and knowledge environments and innovation actors.</p>"
        ),
        "body_da": (
            "<p>Det er afgørende, at danske uddannelses- og forskningsinstitutioner, innovationsaktører, "
            "virksomheder og myndigheder har adgang til netværk, viden og samarbejde med lande i og uden for "
            "Europa.</p>"
            "<p>Uddannelses- og Forskningsministeriet (UFM) varetager og udvikler en række initiativer, der "
            "skal øge netværkssamarbejdet og videnudvekslingen mellem danske og udenlandske forsknings- og "
            "videnmiljøer og innovationsaktører.</p>"
        ),
    },
    {
        "key": "programmes",
        "title_en": "Programmes",
        "title_da": "Programmer",
        "summary_en": "The International Network Programme and the partnership agreements for research stays.",
        "summary_da": "Det Internationale Netværksprogram og partnerskabsaftalerne om forskningsophold.",
        "body_en": "",
        "body_da": "",
    },
    {
        "key": "accessibility",
        "title_en": "Accessibility statement",
        "title_da": "Tilgængelighedserklæring",
        # The statement's status and dates come from an audit: editors fill them in afterwards.
        "summary_en": "The ministry's accessibility statement for this website.",
        "summary_da": "Ministeriets tilgængelighedserklæring for dette websted.",
        "body_en": "",
        "body_da": "",
    },
    {
        "key": "data",
        "title_en": "Open data",
        "title_da": "Åbne data",
        # The files and their columns are listed under this text from the code that makes them. The terms of
        # reuse are the ministry's to state: editors add them here.
        "summary_en": "The bilateral agreements, the Innovation Centres and the contact persons as CSV and JSON files.",
        "summary_da": "De bilaterale aftaler, innovationscentrene og kontaktpersonerne som CSV- og JSON-filer.",
        "body_en": "<p>The files are made from the same content as the pages of this website, and change when it does.</p>",
        "body_da": "<p>Filerne dannes af det samme indhold som siderne på dette websted og ændres, når indholdet gør.</p>",
    },
]

INITIATIVES = [
    {
        "slug": "bilateral-agreements",
        "kind": "agreements",
        "position": 1,
        "title_en": "Bilateral agreements",
        "title_da": "Bilaterale aftaler",
        "summary_en": (
            "Bilateral agreements on education and research cooperation with the largest research and "
            "technology nations outside the EU."
        ),
        "summary_da": (
            "Bilaterale aftaler om uddannelses- og forskningssamarbejde med de største forsknings- og "
            "teknologinationer uden for EU."
        ),
        "body_en": (
            "<p>The Ministry of Higher Education and Science has signed bilateral cooperation agreements with "
            "the USA, China, Japan, Germany, South Korea, India, Brazil, Israel, South Africa and Turkey. The "
            "agreements facilitate and promote contacts between authorities and research funding actors and "
            "create opportunities for researchers and high-tech companies to collaborate across countries.</p>"
            "<p>Possible outreach and networking activities include: exchanges of researchers, workshops and "
            "project collaboration. The latter are funded by Innovation Fund Denmark, which has agreements "
            "with five of these countries (USA, China, India, Brazil and South Korea).</p>"
        ),
        "body_da": (
            "<p>Uddannelses- og Forskningsministeriet har indgået bilaterale samarbejdsaftaler med USA, Kina, "
            "Japan, Tyskland, Sydkorea, Indien, Brasilien, Israel, Sydafrika og Tyrkiet. Aftalerne letter og "
            "fremmer kontakter mellem myndigheder og forskningsfinansierende aktører og skaber muligheder for, "
            "at forskere og højteknologiske virksomheder kan samarbejde på tværs af landene.</p>"
            "<p>Mulige opsøgende og netværksskabende aktiviteter omfatter udveksling af forskere, workshops og "
            "projektsamarbejde. Projektsamarbejdet finansieres af Innovationsfonden, som har aftaler med fem "
            "af landene (USA, Kina, Indien, Brasilien og Sydkorea).</p>"
        ),
    },
    {
        "slug": "innovation-centre-denmark",
        "kind": "centres",
        "position": 2,
        "title_en": "Innovation Centre Denmark (ICDK)",
        "title_da": "Innovation Centre Denmark (ICDK)",
        "summary_en": "Establishment of Innovation Centres in leading research and innovation environments abroad.",
        "summary_da": "Etablering af innovationscentre i førende forsknings- og innovationsmiljøer i udlandet.",
        "body_en": (
            "<p>The Ministry of Education and Research, in cooperation with the Ministry of Foreign "
            "Affairs, has established seven Innovation Centres. The centres are located in Munich, "
            "Tel Aviv, Bangalore, Seoul, Shanghai, Boston and Silicon Valley. The Innovation "
            "Centres work to promote international networking of research and higher education "
            "institutions and companies.</p><p>The aim is to build bridges to some of the strongest "
            "partners in research, higher education and business development in some of the world's "
            "leading innovation environments. Focus areas for the centres include green "
            "technologies, information and communication technologies, and health and "
            "biotechnology. The Ministry of Education and Research has a posted innovation attaché "
            "at each of the seven Innovation Centres.</p>"
        ),
        "body_da": (
            "<p>Uddannelses- og Forskningsministeriet har i samarbejde med Udenrigsministeriet "
            "etableret syv innovationscentre. Centrene ligger i München, Tel Aviv, Bangalore, "
            "Seoul, Shanghai, Boston og Silicon Valley. Innovationscentrene arbejder for at fremme "
            "internationalt netværkssamarbejde mellem forsknings- og uddannelsesinstitutioner og "
            "virksomheder.</p><p>Målet er at bygge bro til nogle af de stærkeste partnere inden for "
            "forskning, videregående uddannelse og erhvervsudvikling i nogle af verdens førende "
            "innovationsmiljøer. Centrenes fokusområder omfatter blandt andet grønne teknologier, "
            "informations- og kommunikationsteknologi samt sundhed og bioteknologi. Uddannelses- og "
            "Forskningsministeriet har en udsendt innovationsattaché ved hvert af de syv "
            "innovationscentre.</p>"
        ),
    },
    {
        "slug": "research-stays",
        "kind": "programme",
        "position": 3,
        "title_en": "Partnership agreements for research stays",
        "title_da": "Partnerskabsaftaler om forskningsophold",
        # The source names this initiative and says nothing more about it.
        "summary_en": "",
        "summary_da": "",
        "body_en": "",
        "body_da": "",
    },
    {
        "slug": "intergovernmental-cooperation",
        "kind": "other",
        "position": 4,
        "title_en": "Other ministries' intergovernmental cooperation",
        "title_da": "Andre ministeriers myndighedssamarbejde",
        "summary_en": (
            "Supporting and participating in other ministries' intergovernmental co-operation, as in South Africa."
        ),
        "summary_da": "Støtte til og deltagelse i andre ministeriers myndighedssamarbejde, f.eks. i Sydafrika.",
        "body_en": "",
        "body_da": "",
    },
    {
        "slug": "international-network-programme",
        "kind": "programme",
        "position": 5,
        "title_en": "International Network Programme",
        "title_da": "Det Internationale Netværksprogram",
        "summary_en": (
            "Through UFM's International Network Programme, international research collaboration is supported "
            "by funding networking activities between researchers from selected countries."
        ),
        "summary_da": (
            "Gennem UFM's Internationale Netværksprogram støttes internationalt forskningssamarbejde ved at "
            "finansiere netværksaktiviteter mellem forskere fra udvalgte lande."
        ),
        "body_en": "",
        "body_da": "",
    },
]
