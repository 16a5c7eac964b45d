"""A curated multilingual lexicon per goal: word stems in English, German and French.

The sentence encoder knows what a text is about in general; these stems add the domain words
that tie a text to one goal (an expert would recognise "sanitation" as goal 6 at once). Each
entry is a regular expression matched at the start of a word, case-insensitively, so a stem
such as "vaccin" covers "vaccine", "vaccination" and "vaccins". Written from the goals' and
targets' own vocabulary, not from any benchmark text.
"""

import re
from functools import lru_cache

# Several stems a line, so the lexicon reads as a list of words and not a column.
# fmt: off
LEXICON: dict[int, tuple[str, ...]] = {
    1: (
        r"povert", r"poor\b", r"the poor", r"extreme povert", r"social protection",
        r"social safety", r"cash transfer", r"microfinanc", r"microcredit", r"basic income",
        r"destitut", r"armut", r"arme[nr]?\b", r"sozialschutz", r"soziale sicherung",
        r"grundsicherung", r"mikrokredit", r"mikrofinanz", r"pauvret", r"pauvres?\b",
        r"protection sociale", r"microcrédit", r"\$1[.,]25", r"\$1[.,]90", r"below the poverty",
    ),
    2: (
        r"hunger", r"food secur", r"food insecur", r"malnutrition", r"undernourish",
        r"undernutrition", r"stunting", r"stunted", r"wasting", r"famine", r"agricultur",
        r"farmer", r"smallholder", r"crop", r"harvest", r"food production", r"nutrition", r"seed",
        r"livestock", r"irrigat", r"fertili[sz]er", r"food price", r"ernährung",
        r"mangelernährung", r"landwirtschaft", r"bauer", r"bäuer", r"kleinbauer", r"ernte",
        r"lebensmittelsicherheit", r"ernährungssicherheit", r"saatgut", r"faim",
        r"sécurité alimentaire", r"agricult", r"paysan", r"récolte",
    ),
    3: (
        r"health", r"disease", r"mortality", r"maternal", r"newborn", r"child death", r"hiv",
        r"aids\b", r"tubercul", r"malaria", r"hepatitis", r"vaccin", r"immuni[sz]", r"hospital",
        r"clinic", r"medical", r"medicine", r"patient", r"doctor", r"nurse", r"physician",
        r"epidemi", r"pandemi", r"covid", r"mental health", r"well-being", r"tobacco", r"alcohol",
        r"drug abuse", r"road traffic", r"universal health", r"gesundheit", r"krankheit",
        r"krankenhaus", r"klinik", r"kranken", r"ärzt", r"arzt", r"pflege", r"medizin",
        r"sterblichkeit", r"impf", r"santé", r"maladie", r"hôpita", r"médec", r"médic",
        r"mortalité", r"soins",
    ),
    4: (
        r"educat", r"school", r"pupil", r"student", r"teacher", r"literacy", r"numeracy",
        r"learning", r"curricul", r"classroom", r"universit", r"vocational", r"tertiary", r"enrol",
        r"scholarship", r"early childhood", r"training", r"skills", r"bildung", r"schul",
        r"schüler", r"lehrer", r"lernen", r"ausbildung", r"hochschul", r"universität", r"studier",
        r"umweltbildung", r"fortbildung", r"weiterbildung", r"éducation", r"école", r"élève",
        r"enseign", r"formation", r"apprentissage", r"alphabétisation",
    ),
    5: (
        r"gender", r"women", r"woman", r"girls?\b", r"female", r"femin", r"sexual violence",
        r"domestic violence", r"gender-based", r"child marriage", r"early marriage",
        r"forced marriage", r"genital mutilation", r"\bfgm", r"maternity", r"unpaid care",
        r"empower", r"equal pay", r"sexism", r"sexual and reproductive", r"reproductive",
        r"frauen", r"mädchen", r"geschlecht", r"gleichstellung", r"gleichberechtigung",
        r"häusliche gewalt", r"femmes?\b", r"filles?\b", r"égalité des sexes", r"genre",
    ),
    6: (
        r"water", r"sanitation", r"drinking", r"hygien", r"wastewater", r"sewage", r"sewer",
        r"toilet", r"latrine", r"open defecation", r"aquifer", r"groundwater", r"wetland",
        r"watershed", r"river basin", r"freshwater", r"desalinat", r"water scarcity", r"wasser",
        r"trinkwasser", r"abwasser", r"sanitär", r"kanalisation", r"hygiene", r"grundwasser",
        r"kläranlage", r"eau\b", r"eaux", r"assainissement", r"potable",
    ),
    7: (
        r"energy", r"electricit", r"renewable", r"solar", r"photovolta", r"wind power",
        r"wind turbine", r"wind farm", r"hydropower", r"geothermal", r"biofuel", r"biomass",
        r"clean cooking", r"cookstove", r"power plant", r"power grid", r"energy efficien",
        r"fossil fuel", r"\bcoal\b", r"\bgas\b", r"\boil\b", r"kilowatt", r"megawatt", r"\bkwh",
        r"energie", r"strom", r"erneuerbar", r"photovoltaik", r"windkraft", r"wasserkraft",
        r"energieeffizienz", r"énergi", r"électricit", r"renouvelable",
    ),
    8: (
        r"job creation", r"labour market", r"labor market", r"minimum wage", r"income growth",
        r"economic diversif", r"working conditions", r"trade union", r"employment", r"unemploy",
        r"\bjobs?\b", r"decent work", r"labou?r", r"worker", r"wage", r"economic growth",
        r"\bgdp\b", r"productivity", r"entrepreneur", r"small and medium", r"\bsmes?\b",
        r"child labou?r", r"forced labou?r", r"tourism", r"youth employment", r"informal sector",
        r"occupational", r"financial services", r"banking", r"beschäftigung", r"arbeitslos",
        r"arbeitsplätze", r"arbeitsplatz", r"arbeitnehm", r"wirtschaftswachstum", r"existenzgründ",
        r"start-up", r"gründ", r"tourismus", r"emploi", r"chômage", r"travail décent",
        r"croissance économique",
    ),
    9: (
        r"factor(?:y|ies)", r"bridges?\b", r"transport network", r"scientific research", r"patent",
        r"fabrik", r"verkehrsinfrastruktur", r"infrastructur", r"industriali[sz]", r"industr",
        r"manufactur", r"innovat", r"research and development", r"\br&d\b", r"technolog",
        r"broadband", r"internet", r"mobile network", r"digital", r"connectivit",
        r"transport infrastructure", r"road", r"railway", r"port\b", r"value chain",
        r"infrastruktur", r"industrie", r"innovation", r"forschung", r"digitali", r"breitband",
        r"technologi", r"innovations", r"infrastructure", r"recherche",
    ),
    10: (
        r"inequalit", r"inclusion", r"discriminat", r"migrant", r"migration", r"refugee",
        r"remittance", r"marginali[sz]", r"disabilit", r"minorit", r"income distribution",
        r"bottom 40", r"social inclusion", r"equal opportunit", r"ungleichheit", r"inklusion",
        r"diskriminier", r"flüchtling", r"geflüchtete", r"behinderung", r"inégalit",
        r"discrimination", r"réfugié", r"handicap",
    ),
    11: (
        r"urban", r"cities", r"city\b", r"municipal", r"slum", r"informal settlement", r"housing",
        r"public transport", r"cultural heritage", r"natural heritage", r"disaster risk",
        r"air quality", r"green space", r"public space", r"waste management", r"solid waste",
        r"urbani[sz]", r"resilient cit", r"stadt", r"städt", r"kommun", r"wohnraum", r"wohnung",
        r"nahverkehr", r"abfallwirtschaft", r"müllabfuhr", r"stadtentwicklung", r"kulturerbe",
        r"ville", r"urbain", r"logement",
    ),
    12: (
        r"sustainable consumption", r"eco-?label", r"landfill", r"e-waste", r"pesticide",
        r"fossil.fuel subsid", r"abfallvermeidung", r"mülldeponie", r"deponie", r"consumption",
        r"sustainable production", r"waste", r"recycl", r"reuse", r"circular economy",
        r"food loss", r"food waste", r"chemicals", r"hazardous", r"resource efficien",
        r"natural resources", r"material footprint", r"sustainable tourism", r"public procurement",
        r"life.?cycle", r"packaging", r"plastic", r"abfall", r"müll", r"recycling",
        r"kreislaufwirtschaft", r"konsum", r"verbrauch", r"beschaffung",
        r"lebensmittelverschwendung", r"déchet", r"consommation",
    ),
    13: (
        r"climate", r"global warming", r"greenhouse", r"carbon", r"\bco2", r"emission",
        r"mitigation", r"adaptation", r"paris agreement", r"unfccc", r"net.?zero",
        r"decarboni[sz]", r"extreme weather", r"heat ?wave", r"flood", r"drought",
        r"sea.level rise", r"klima", r"treibhaus", r"kohlendioxid", r"klimaschutz",
        r"klimaanpassung", r"erderwärmung", r"hochwasser", r"dürre", r"climat", r"réchauffement",
        r"gaz à effet de serre", r"inondation",
    ),
    14: (
        r"fishing", r"fisheries", r"reefs?\b", r"coast", r"shipping", r"seabed",
        r"marine protected", r"small island", r"sea(?:food|grass)", r"ocean", r"marine",
        r"\bsea\b", r"seas\b", r"coastal", r"coral", r"fisher", r"fish", r"overfishing",
        r"aquaculture", r"mangrove", r"acidification", r"marine pollution", r"marine litter",
        r"plastic debris", r"maritime", r"meer", r"ozean", r"küste", r"fischerei", r"fisch",
        r"korallen", r"océan", r"marin", r"côti", r"pêche", r"poisson",
    ),
    15: (
        r"biodiversit", r"forest", r"deforest", r"reforest", r"afforest", r"ecosystem", r"species",
        r"wildlife", r"poaching", r"desertificat", r"land degradation", r"soil", r"mountain",
        r"habitat", r"invasive", r"extinct", r"protected area", r"terrestrial", r"biodiversität",
        r"wald", r"wälder", r"aufforst", r"entwald", r"artenvielfalt", r"ökosystem", r"boden",
        r"wüstenbildung", r"forêt", r"biodiversité", r"espèce", r"écosystème", r"désertification",
    ),
    16: (
        r"peace", r"violence", r"conflict", r"justice", r"rule of law", r"corruption", r"bribe",
        r"transparen", r"accountab", r"institution", r"governance", r"human rights", r"homicide",
        r"trafficking", r"torture", r"armed", r"terroris", r"legal identity",
        r"birth registration", r"access to information", r"court", r"judicial", r"crime",
        r"police", r"frieden", r"gewalt", r"konflikt", r"gerechtigkeit", r"rechtsstaat",
        r"korruption", r"menschenrechte", r"verwaltung", r"demokrat", r"paix",
        r"droits de l.homme", r"gouvernance",
    ),
    17: (
        r"finance for development", r"foreign direct investment", r"investment", r"export",
        r"tariff", r"world trade", r"\bwto\b", r"statistic", r"data collection",
        r"international support", r"north-south", r"development partner", r"partnership",
        r"cooperation", r"development assistance", r"\boda\b", r"official development", r"aid\b",
        r"donor", r"capacity.building", r"capacity development", r"technology transfer",
        r"south-south", r"triangular", r"debt", r"trade", r"multi-stakeholder",
        r"global partnership", r"tax revenue", r"domestic resource", r"statistical capacity",
        r"policy coherence", r"twinning", r"partnerschaft", r"zusammenarbeit", r"kooperation",
        r"entwicklungszusammenarbeit", r"städtepartnerschaft", r"klimapartnerschaft",
        r"partenariat", r"coopération", r"jumelage",
    ),
}
# fmt: on


@lru_cache(maxsize=1)
def _patterns() -> dict[int, re.Pattern]:
    return {
        goal: re.compile(r"(?<!\w)(?:" + "|".join(stems) + ")", re.IGNORECASE)
        for goal, stems in LEXICON.items()
    }


def keyword_hits(text: str) -> dict[int, set[str]]:
    """The distinct lexicon words of each goal found in the text."""
    hits: dict[int, set[str]] = {}
    for goal, pattern in _patterns().items():
        found = {match.group(0).lower() for match in pattern.finditer(text)}
        if found:
            hits[goal] = found
    return hits
