"""Seeded content that said more than the source, or Danish the ministry does not write, made true to it.

Only what the seed made, still exactly as the seed left it, changes. An item counts as seeded when its
history has the seed's row. A text is replaced only while it equals the seeded text; the focus areas
and activities the seed gave every centre and agreement are removed only while they are exactly the
seeded set and no editor has ever saved the item (no history row has a user). Anything an editor
touched, or made, is left as it is.
"""

from django.db import migrations
from django.db.models import F, Value
from django.db.models.functions import Greatest
from django.utils import timezone

SEED_REASON = "Loaded from the ministry's source page"
SEEDED_FOCUS_AREAS = {"green-technologies", "information-and-communication-technologies", "health-and-biotechnology"}
SEEDED_ACTIVITIES = {"researcher-exchanges", "workshops", "project-collaboration"}

# (model, lookup field, lookup value, field, text as seeded, text true to the source)
SEEDED_TEXTS = [
    (
        "centres.InnovationCentre",
        "slug",
        "munich",
        "name_da",
        "Innovationscenter Danmark München",
        "Innovation Centre Denmark München",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "munich",
        "summary_en",
        "One of the seven Innovation Centres that the ministry has established in cooperation with the Ministry of "
        "Foreign Affairs. The centre works to promote international networking of research and higher education "
        "institutions and companies.",
        "One of the seven Innovation Centres that the ministry has established in cooperation with the Ministry of "
        "Foreign Affairs, located in Munich.",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "munich",
        "summary_da",
        "Et af de syv innovationscentre, som ministeriet har etableret i samarbejde med Udenrigsministeriet. "
        "Centret arbejder for at fremme internationalt netværkssamarbejde mellem forsknings- og "
        "uddannelsesinstitutioner og virksomheder.",
        "Et af de syv innovationscentre, som ministeriet har etableret i samarbejde med Udenrigsministeriet. "
        "Centret ligger i München.",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "munich",
        "body_en",
        "<p>The aim is to build bridges to some of the strongest partners in research, higher education and "
        "business development in some of the world's leading innovation environments.</p><p>The ministry has a "
        "posted innovation attaché at each of the seven Innovation Centres.</p>",
        "",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "munich",
        "body_da",
        "<p>Målet er at bygge bro til nogle af de stærkeste partnere inden for forskning, videregående uddannelse "
        "og erhvervsudvikling i nogle af verdens førende innovationsmiljøer.</p><p>Ministeriet har en udsendt "
        "innovationsattaché ved hvert af de syv innovationscentre.</p>",
        "",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "tel-aviv",
        "name_da",
        "Innovationscenter Danmark Tel Aviv",
        "Innovation Centre Denmark Tel Aviv",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "tel-aviv",
        "summary_en",
        "One of the seven Innovation Centres that the ministry has established in cooperation with the Ministry of "
        "Foreign Affairs. The centre works to promote international networking of research and higher education "
        "institutions and companies.",
        "One of the seven Innovation Centres that the ministry has established in cooperation with the Ministry of "
        "Foreign Affairs, located in Tel Aviv.",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "tel-aviv",
        "summary_da",
        "Et af de syv innovationscentre, som ministeriet har etableret i samarbejde med Udenrigsministeriet. "
        "Centret arbejder for at fremme internationalt netværkssamarbejde mellem forsknings- og "
        "uddannelsesinstitutioner og virksomheder.",
        "Et af de syv innovationscentre, som ministeriet har etableret i samarbejde med Udenrigsministeriet. "
        "Centret ligger i Tel Aviv.",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "tel-aviv",
        "body_en",
        "<p>The aim is to build bridges to some of the strongest partners in research, higher education and "
        "business development in some of the world's leading innovation environments.</p><p>The ministry has a "
        "posted innovation attaché at each of the seven Innovation Centres.</p>",
        "",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "tel-aviv",
        "body_da",
        "<p>Målet er at bygge bro til nogle af de stærkeste partnere inden for forskning, videregående uddannelse "
        "og erhvervsudvikling i nogle af verdens førende innovationsmiljøer.</p><p>Ministeriet har en udsendt "
        "innovationsattaché ved hvert af de syv innovationscentre.</p>",
        "",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "bangalore",
        "name_da",
        "Innovationscenter Danmark Bangalore",
        "Innovation Centre Denmark Bangalore",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "bangalore",
        "summary_en",
        "One of the seven Innovation Centres that the ministry has established in cooperation with the Ministry of "
        "Foreign Affairs. The centre works to promote international networking of research and higher education "
        "institutions and companies.",
        "One of the seven Innovation Centres that the ministry has established in cooperation with the Ministry of "
        "Foreign Affairs, located in Bangalore.",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "bangalore",
        "summary_da",
        "Et af de syv innovationscentre, som ministeriet har etableret i samarbejde med Udenrigsministeriet. "
        "Centret arbejder for at fremme internationalt netværkssamarbejde mellem forsknings- og "
        "uddannelsesinstitutioner og virksomheder.",
        "Et af de syv innovationscentre, som ministeriet har etableret i samarbejde med Udenrigsministeriet. "
        "Centret ligger i Bangalore.",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "bangalore",
        "body_en",
        "<p>The aim is to build bridges to some of the strongest partners in research, higher education and "
        "business development in some of the world's leading innovation environments.</p><p>The ministry has a "
        "posted innovation attaché at each of the seven Innovation Centres.</p>",
        "",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "bangalore",
        "body_da",
        "<p>Målet er at bygge bro til nogle af de stærkeste partnere inden for forskning, videregående uddannelse "
        "og erhvervsudvikling i nogle af verdens førende innovationsmiljøer.</p><p>Ministeriet har en udsendt "
        "innovationsattaché ved hvert af de syv innovationscentre.</p>",
        "",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "seoul",
        "name_da",
        "Innovationscenter Danmark Seoul",
        "Innovation Centre Denmark Seoul",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "seoul",
        "summary_en",
        "One of the seven Innovation Centres that the ministry has established in cooperation with the Ministry of "
        "Foreign Affairs. The centre works to promote international networking of research and higher education "
        "institutions and companies.",
        "One of the seven Innovation Centres that the ministry has established in cooperation with the Ministry of "
        "Foreign Affairs, located in Seoul.",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "seoul",
        "summary_da",
        "Et af de syv innovationscentre, som ministeriet har etableret i samarbejde med Udenrigsministeriet. "
        "Centret arbejder for at fremme internationalt netværkssamarbejde mellem forsknings- og "
        "uddannelsesinstitutioner og virksomheder.",
        "Et af de syv innovationscentre, som ministeriet har etableret i samarbejde med Udenrigsministeriet. "
        "Centret ligger i Seoul.",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "seoul",
        "body_en",
        "<p>The aim is to build bridges to some of the strongest partners in research, higher education and "
        "business development in some of the world's leading innovation environments.</p><p>The ministry has a "
        "posted innovation attaché at each of the seven Innovation Centres.</p>",
        "",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "seoul",
        "body_da",
        "<p>Målet er at bygge bro til nogle af de stærkeste partnere inden for forskning, videregående uddannelse "
        "og erhvervsudvikling i nogle af verdens førende innovationsmiljøer.</p><p>Ministeriet har en udsendt "
        "innovationsattaché ved hvert af de syv innovationscentre.</p>",
        "",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "shanghai",
        "name_da",
        "Innovationscenter Danmark Shanghai",
        "Innovation Centre Denmark Shanghai",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "shanghai",
        "summary_en",
        "One of the seven Innovation Centres that the ministry has established in cooperation with the Ministry of "
        "Foreign Affairs. The centre works to promote international networking of research and higher education "
        "institutions and companies.",
        "One of the seven Innovation Centres that the ministry has established in cooperation with the Ministry of "
        "Foreign Affairs, located in Shanghai.",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "shanghai",
        "summary_da",
        "Et af de syv innovationscentre, som ministeriet har etableret i samarbejde med Udenrigsministeriet. "
        "Centret arbejder for at fremme internationalt netværkssamarbejde mellem forsknings- og "
        "uddannelsesinstitutioner og virksomheder.",
        "Et af de syv innovationscentre, som ministeriet har etableret i samarbejde med Udenrigsministeriet. "
        "Centret ligger i Shanghai.",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "shanghai",
        "body_en",
        "<p>The aim is to build bridges to some of the strongest partners in research, higher education and "
        "business development in some of the world's leading innovation environments.</p><p>The ministry has a "
        "posted innovation attaché at each of the seven Innovation Centres.</p>",
        "",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "shanghai",
        "body_da",
        "<p>Målet er at bygge bro til nogle af de stærkeste partnere inden for forskning, videregående uddannelse "
        "og erhvervsudvikling i nogle af verdens førende innovationsmiljøer.</p><p>Ministeriet har en udsendt "
        "innovationsattaché ved hvert af de syv innovationscentre.</p>",
        "",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "boston",
        "name_da",
        "Innovationscenter Danmark Boston",
        "Innovation Centre Denmark Boston",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "boston",
        "summary_en",
        "One of the seven Innovation Centres that the ministry has established in cooperation with the Ministry of "
        "Foreign Affairs. The centre works to promote international networking of research and higher education "
        "institutions and companies.",
        "One of the seven Innovation Centres that the ministry has established in cooperation with the Ministry of "
        "Foreign Affairs, located in Boston.",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "boston",
        "summary_da",
        "Et af de syv innovationscentre, som ministeriet har etableret i samarbejde med Udenrigsministeriet. "
        "Centret arbejder for at fremme internationalt netværkssamarbejde mellem forsknings- og "
        "uddannelsesinstitutioner og virksomheder.",
        "Et af de syv innovationscentre, som ministeriet har etableret i samarbejde med Udenrigsministeriet. "
        "Centret ligger i Boston.",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "boston",
        "body_en",
        "<p>The aim is to build bridges to some of the strongest partners in research, higher education and "
        "business development in some of the world's leading innovation environments.</p><p>The ministry has a "
        "posted innovation attaché at each of the seven Innovation Centres.</p>",
        "",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "boston",
        "body_da",
        "<p>Målet er at bygge bro til nogle af de stærkeste partnere inden for forskning, videregående uddannelse "
        "og erhvervsudvikling i nogle af verdens førende innovationsmiljøer.</p><p>Ministeriet har en udsendt "
        "innovationsattaché ved hvert af de syv innovationscentre.</p>",
        "",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "silicon-valley",
        "name_da",
        "Innovationscenter Danmark Silicon Valley",
        "Innovation Centre Denmark Silicon Valley",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "silicon-valley",
        "summary_en",
        "One of the seven Innovation Centres that the ministry has established in cooperation with the Ministry of "
        "Foreign Affairs. The centre works to promote international networking of research and higher education "
        "institutions and companies.",
        "One of the seven Innovation Centres that the ministry has established in cooperation with the Ministry of "
        "Foreign Affairs, located in Silicon Valley.",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "silicon-valley",
        "summary_da",
        "Et af de syv innovationscentre, som ministeriet har etableret i samarbejde med Udenrigsministeriet. "
        "Centret arbejder for at fremme internationalt netværkssamarbejde mellem forsknings- og "
        "uddannelsesinstitutioner og virksomheder.",
        "Et af de syv innovationscentre, som ministeriet har etableret i samarbejde med Udenrigsministeriet. "
        "Centret ligger i Silicon Valley.",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "silicon-valley",
        "body_en",
        "<p>The aim is to build bridges to some of the strongest partners in research, higher education and "
        "business development in some of the world's leading innovation environments.</p><p>The ministry has a "
        "posted innovation attaché at each of the seven Innovation Centres.</p>",
        "",
    ),
    (
        "centres.InnovationCentre",
        "slug",
        "silicon-valley",
        "body_da",
        "<p>Målet er at bygge bro til nogle af de stærkeste partnere inden for forskning, videregående uddannelse "
        "og erhvervsudvikling i nogle af verdens førende innovationsmiljøer.</p><p>Ministeriet har en udsendt "
        "innovationsattaché ved hvert af de syv innovationscentre.</p>",
        "",
    ),
    (
        "agreements.BilateralAgreement",
        "slug",
        "usa",
        "description_en",
        "<p>The agreement facilitates and promotes contacts between authorities and research funding actors and "
        "creates opportunities for researchers and high-tech companies to collaborate across "
        "countries.</p><p>Possible outreach and networking activities include exchanges of researchers, workshops "
        "and project collaboration.</p>",
        "",
    ),
    (
        "agreements.BilateralAgreement",
        "slug",
        "usa",
        "description_da",
        "<p>Aftalen letter og fremmer kontakter mellem myndigheder og forskningsfinansierende aktører og skaber "
        "muligheder for, at forskere og højteknologiske virksomheder kan samarbejde på tværs af "
        "landene.</p><p>Mulige opsøgende og netværksskabende aktiviteter omfatter udveksling af forskere, "
        "workshops og projektsamarbejde.</p>",
        "",
    ),
    (
        "agreements.BilateralAgreement",
        "slug",
        "china",
        "description_en",
        "<p>The agreement facilitates and promotes contacts between authorities and research funding actors and "
        "creates opportunities for researchers and high-tech companies to collaborate across "
        "countries.</p><p>Possible outreach and networking activities include exchanges of researchers, workshops "
        "and project collaboration.</p>",
        "",
    ),
    (
        "agreements.BilateralAgreement",
        "slug",
        "china",
        "description_da",
        "<p>Aftalen letter og fremmer kontakter mellem myndigheder og forskningsfinansierende aktører og skaber "
        "muligheder for, at forskere og højteknologiske virksomheder kan samarbejde på tværs af "
        "landene.</p><p>Mulige opsøgende og netværksskabende aktiviteter omfatter udveksling af forskere, "
        "workshops og projektsamarbejde.</p>",
        "",
    ),
    (
        "agreements.BilateralAgreement",
        "slug",
        "japan",
        "description_en",
        "<p>The agreement facilitates and promotes contacts between authorities and research funding actors and "
        "creates opportunities for researchers and high-tech companies to collaborate across "
        "countries.</p><p>Possible outreach and networking activities include exchanges of researchers, workshops "
        "and project collaboration.</p>",
        "",
    ),
    (
        "agreements.BilateralAgreement",
        "slug",
        "japan",
        "description_da",
        "<p>Aftalen letter og fremmer kontakter mellem myndigheder og forskningsfinansierende aktører og skaber "
        "muligheder for, at forskere og højteknologiske virksomheder kan samarbejde på tværs af "
        "landene.</p><p>Mulige opsøgende og netværksskabende aktiviteter omfatter udveksling af forskere, "
        "workshops og projektsamarbejde.</p>",
        "",
    ),
    (
        "agreements.BilateralAgreement",
        "slug",
        "germany",
        "description_en",
        "<p>The agreement facilitates and promotes contacts between authorities and research funding actors and "
        "creates opportunities for researchers and high-tech companies to collaborate across "
        "countries.</p><p>Possible outreach and networking activities include exchanges of researchers, workshops "
        "and project collaboration.</p>",
        "",
    ),
    (
        "agreements.BilateralAgreement",
        "slug",
        "germany",
        "description_da",
        "<p>Aftalen letter og fremmer kontakter mellem myndigheder og forskningsfinansierende aktører og skaber "
        "muligheder for, at forskere og højteknologiske virksomheder kan samarbejde på tværs af "
        "landene.</p><p>Mulige opsøgende og netværksskabende aktiviteter omfatter udveksling af forskere, "
        "workshops og projektsamarbejde.</p>",
        "",
    ),
    (
        "agreements.BilateralAgreement",
        "slug",
        "south-korea",
        "description_en",
        "<p>The agreement facilitates and promotes contacts between authorities and research funding actors and "
        "creates opportunities for researchers and high-tech companies to collaborate across "
        "countries.</p><p>Possible outreach and networking activities include exchanges of researchers, workshops "
        "and project collaboration.</p>",
        "",
    ),
    (
        "agreements.BilateralAgreement",
        "slug",
        "south-korea",
        "description_da",
        "<p>Aftalen letter og fremmer kontakter mellem myndigheder og forskningsfinansierende aktører og skaber "
        "muligheder for, at forskere og højteknologiske virksomheder kan samarbejde på tværs af "
        "landene.</p><p>Mulige opsøgende og netværksskabende aktiviteter omfatter udveksling af forskere, "
        "workshops og projektsamarbejde.</p>",
        "",
    ),
    (
        "agreements.BilateralAgreement",
        "slug",
        "india",
        "description_en",
        "<p>The agreement facilitates and promotes contacts between authorities and research funding actors and "
        "creates opportunities for researchers and high-tech companies to collaborate across "
        "countries.</p><p>Possible outreach and networking activities include exchanges of researchers, workshops "
        "and project collaboration.</p>",
        "",
    ),
    (
        "agreements.BilateralAgreement",
        "slug",
        "india",
        "description_da",
        "<p>Aftalen letter og fremmer kontakter mellem myndigheder og forskningsfinansierende aktører og skaber "
        "muligheder for, at forskere og højteknologiske virksomheder kan samarbejde på tværs af "
        "landene.</p><p>Mulige opsøgende og netværksskabende aktiviteter omfatter udveksling af forskere, "
        "workshops og projektsamarbejde.</p>",
        "",
    ),
    (
        "agreements.BilateralAgreement",
        "slug",
        "brazil",
        "description_en",
        "<p>The agreement facilitates and promotes contacts between authorities and research funding actors and "
        "creates opportunities for researchers and high-tech companies to collaborate across "
        "countries.</p><p>Possible outreach and networking activities include exchanges of researchers, workshops "
        "and project collaboration.</p>",
        "",
    ),
    (
        "agreements.BilateralAgreement",
        "slug",
        "brazil",
        "description_da",
        "<p>Aftalen letter og fremmer kontakter mellem myndigheder og forskningsfinansierende aktører og skaber "
        "muligheder for, at forskere og højteknologiske virksomheder kan samarbejde på tværs af "
        "landene.</p><p>Mulige opsøgende og netværksskabende aktiviteter omfatter udveksling af forskere, "
        "workshops og projektsamarbejde.</p>",
        "",
    ),
    (
        "agreements.BilateralAgreement",
        "slug",
        "israel",
        "description_en",
        "<p>The agreement facilitates and promotes contacts between authorities and research funding actors and "
        "creates opportunities for researchers and high-tech companies to collaborate across "
        "countries.</p><p>Possible outreach and networking activities include exchanges of researchers, workshops "
        "and project collaboration.</p>",
        "",
    ),
    (
        "agreements.BilateralAgreement",
        "slug",
        "israel",
        "description_da",
        "<p>Aftalen letter og fremmer kontakter mellem myndigheder og forskningsfinansierende aktører og skaber "
        "muligheder for, at forskere og højteknologiske virksomheder kan samarbejde på tværs af "
        "landene.</p><p>Mulige opsøgende og netværksskabende aktiviteter omfatter udveksling af forskere, "
        "workshops og projektsamarbejde.</p>",
        "",
    ),
    (
        "agreements.BilateralAgreement",
        "slug",
        "south-africa",
        "description_en",
        "<p>The agreement facilitates and promotes contacts between authorities and research funding actors and "
        "creates opportunities for researchers and high-tech companies to collaborate across "
        "countries.</p><p>Possible outreach and networking activities include exchanges of researchers, workshops "
        "and project collaboration.</p>",
        "",
    ),
    (
        "agreements.BilateralAgreement",
        "slug",
        "south-africa",
        "description_da",
        "<p>Aftalen letter og fremmer kontakter mellem myndigheder og forskningsfinansierende aktører og skaber "
        "muligheder for, at forskere og højteknologiske virksomheder kan samarbejde på tværs af "
        "landene.</p><p>Mulige opsøgende og netværksskabende aktiviteter omfatter udveksling af forskere, "
        "workshops og projektsamarbejde.</p>",
        "",
    ),
    (
        "agreements.BilateralAgreement",
        "slug",
        "turkey",
        "description_en",
        "<p>The agreement facilitates and promotes contacts between authorities and research funding actors and "
        "creates opportunities for researchers and high-tech companies to collaborate across "
        "countries.</p><p>Possible outreach and networking activities include exchanges of researchers, workshops "
        "and project collaboration.</p>",
        "",
    ),
    (
        "agreements.BilateralAgreement",
        "slug",
        "turkey",
        "description_da",
        "<p>Aftalen letter og fremmer kontakter mellem myndigheder og forskningsfinansierende aktører og skaber "
        "muligheder for, at forskere og højteknologiske virksomheder kan samarbejde på tværs af "
        "landene.</p><p>Mulige opsøgende og netværksskabende aktiviteter omfatter udveksling af forskere, "
        "workshops og projektsamarbejde.</p>",
        "",
    ),
    (
        "agreements.FundingPartner",
        "slug",
        "innovation-fund-denmark",
        "funds_en",
        "Funds project collaboration under the agreement.",
        "Funds project collaboration.",
    ),
    (
        "agreements.FundingPartner",
        "slug",
        "innovation-fund-denmark",
        "funds_da",
        "Finansierer projektsamarbejde under aftalen.",
        "Finansierer projektsamarbejde.",
    ),
    (
        "ufm_intl.Page",
        "key",
        "overview",
        "summary_da",
        "Forskning og innovation er udpræget international af natur, og internationalt samarbejde er af særlig "
        "interesse for et land på Danmarks størrelse.",
        "Forskning og innovation er udpræget international i sin natur, og internationalt samarbejde er af særlig "
        "interesse for et land på Danmarks størrelse.",
    ),
    (
        "ufm_intl.Page",
        "key",
        "overview",
        "body_da",
        "<p>Det er afgørende, at danske uddannelses- og forskningsinstitutioner, innovationsaktører, virksomheder "
        "og myndigheder har adgang til netværk, viden og samarbejde med lande i og uden for "
        "Europa.</p><p>Uddannelses- og Forskningsministeriet (UFM) har ansvaret for og udvikler en række "
        "initiativer, der skal øge netværkssamarbejdet og videnudvekslingen mellem danske og udenlandske "
        "forsknings- og videnmiljøer og innovationsaktører.</p>",
        "<p>Det er afgørende, at danske uddannelses- og forskningsinstitutioner, innovationsaktører, virksomheder "
        "og myndigheder har adgang til netværk, viden og samarbejde med lande i og uden for "
        "Europa.</p><p>Uddannelses- og Forskningsministeriet (UFM) varetager og udvikler en række initiativer, der "
        "skal øge netværkssamarbejdet og videnudvekslingen mellem danske og udenlandske forsknings- og "
        "videnmiljøer og innovationsaktører.</p>",
    ),
    (
        "ufm_intl.Page",
        "key",
        "accessibility",
        "summary_en",
        "How this website meets the accessibility requirements for public-sector websites.",
        "The ministry's accessibility statement for this website.",
    ),
    (
        "ufm_intl.Page",
        "key",
        "accessibility",
        "summary_da",
        "Sådan lever dette websted op til kravene om tilgængelighed for offentlige websteder.",
        "Ministeriets tilgængelighedserklæring for dette websted.",
    ),
    (
        "ufm_intl.Page",
        "key",
        "accessibility",
        "body_en",
        "<p>The Ministry of Higher Education and Science wants everyone to be able to use this website. It is "
        "built to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA, as the Danish act on the "
        "accessibility of public-sector websites requires.</p><h2>What you can expect</h2><ul><li>Every page works "
        "with a keyboard alone and with a screen reader.</li><li>Every page is available in English and "
        "Danish.</li><li>Text can be enlarged, and pages work on small screens.</li><li>Pages work without "
        "JavaScript.</li></ul><h2>Tell us about a problem</h2><p>If something on this website is difficult to use, "
        "please tell one of the contact persons listed on the contacts page.</p><h2>Complaints</h2><p>If you are "
        "not satisfied with our answer, you can complain to the Agency for Digital Government "
        "(Digitaliseringsstyrelsen).</p>",
        "",
    ),
    (
        "ufm_intl.Page",
        "key",
        "accessibility",
        "body_da",
        "<p>Uddannelses- og Forskningsministeriet ønsker, at alle kan bruge dette websted. Det er bygget til at "
        "leve op til retningslinjerne for tilgængeligt webindhold (WCAG) 2.1 på niveau AA, som loven om "
        "tilgængelighed af offentlige organers websteder kræver.</p><h2>Det kan du forvente</h2><ul><li>Alle sider "
        "kan bruges med tastatur alene og med skærmlæser.</li><li>Alle sider findes på dansk og "
        "engelsk.</li><li>Teksten kan forstørres, og siderne virker på små skærme.</li><li>Siderne virker uden "
        "JavaScript.</li></ul><h2>Fortæl os om et problem</h2><p>Hvis noget på webstedet er svært at bruge, så "
        "skriv til en af kontaktpersonerne på siden med kontakter.</p><h2>Klager</h2><p>Hvis du ikke er tilfreds "
        "med vores svar, kan du klage til Digitaliseringsstyrelsen.</p>",
        "",
    ),
    (
        "ufm_intl.Initiative",
        "slug",
        "innovation-centre-denmark",
        "title_da",
        "Innovationscenter Danmark (ICDK)",
        "Innovation Centre Denmark (ICDK)",
    ),
    ("ufm_intl.Initiative", "slug", "research-stays", "summary_en", "Partnership agreements for research stays.", ""),
    ("ufm_intl.Initiative", "slug", "research-stays", "summary_da", "Partnerskabsaftaler om forskningsophold.", ""),
    (
        "ufm_intl.Initiative",
        "slug",
        "intergovernmental-cooperation",
        "title_da",
        "Andre ministeriers mellemstatslige samarbejde",
        "Andre ministeriers myndighedssamarbejde",
    ),
    (
        "ufm_intl.Initiative",
        "slug",
        "intergovernmental-cooperation",
        "summary_da",
        "Støtte til og deltagelse i andre ministeriers mellemstatslige samarbejde, som i Sydafrika.",
        "Støtte til og deltagelse i andre ministeriers myndighedssamarbejde, f.eks. i Sydafrika.",
    ),
]


def seeded_ids(apps, label):
    app, name = label.split(".")
    history = apps.get_model(app, f"Historical{name}")
    return set(history.objects.filter(history_change_reason=SEED_REASON).values_list("id", flat=True))


def correct_seeded_texts(apps, schema_editor):
    for label, key, value, field, seeded, corrected in SEEDED_TEXTS:
        model = apps.get_model(label)
        changes = {field: corrected}
        if field.endswith("_en"):
            # modeltranslation keeps the English text in the untranslated column as well.
            changes[field.removesuffix("_en")] = corrected
        rows = model.objects.filter(**{key: value, field: seeded}, pk__in=seeded_ids(apps, label))
        rows.update(**changes)


def remove_seeded_relations(apps, schema_editor):
    for app, name, relation, terms in (
        ("centres", "InnovationCentre", "focus_areas", SEEDED_FOCUS_AREAS),
        ("agreements", "BilateralAgreement", "activities", SEEDED_ACTIVITIES),
    ):
        model = apps.get_model(app, name)
        history = apps.get_model(app, f"Historical{name}")
        seeded = seeded_ids(apps, f"{app}.{name}") - set(
            history.objects.exclude(history_user=None).values_list("id", flat=True)
        )
        for item in model.objects.filter(pk__in=seeded).prefetch_related(relation):
            if {term.slug for term in getattr(item, relation).all()} == terms:
                getattr(item, relation).clear()


def move_content_version(apps, schema_editor):
    # Cached pages were rendered from the old content.
    now = timezone.now()
    apps.get_model("publishing", "ContentVersion").objects.filter(pk=1).update(
        version=Greatest(F("version") + 1, Value(int(now.timestamp() * 1_000_000))), updated_at=now
    )


class Migration(migrations.Migration):
    dependencies = [
        ("ufm_intl", "0004_accessibility_statement_fields"),
        ("centres", "0002_centre_address_and_image"),
        ("agreements", "0002_regions_from_un_m49"),
        ("publishing", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(correct_seeded_texts, migrations.RunPython.noop),
        migrations.RunPython(remove_seeded_relations, migrations.RunPython.noop),
        migrations.RunPython(move_content_version, migrations.RunPython.noop),
    ]
