//! `generate_dataset N [SEED]`: writes a synthetic Pressline dataset (format version 1) with `N`
//! releases to stdout, so the timeline's search and filters can be benchmarked at 1k, 10k or
//! 100k releases.
//!
//! The output depends only on `N` and `SEED` (default 1): a small built-in SplitMix64 generator
//! drives every choice, so the same arguments always give byte-identical output on every
//! platform. The mix imitates a real newsroom: mostly press releases, English, Ukrainian and
//! Russian text drawn from word lists (a few thousand distinct words, some with diacritics),
//! 50 topics, 80 places in Latin and Cyrillic script, 300 spokespeople, and dates over the ten
//! years 2015–2024, about one in ten a date-time with a UTC offset. Releases are listed newest
//! first, like the bundled dataset.
//!
//! The dataset is streamed one release at a time through a buffered stdout, so 100k releases
//! take well under a second and little memory:
//!
//! ```text
//! cargo run --release --bin generate_dataset -- 100000 42 > /tmp/releases-100k.json
//! ```

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use serde::Serialize;

/// What to print when the arguments are not understood.
const USAGE: &str = "usage: generate_dataset N [SEED]\n  \
    writes a synthetic Pressline dataset with N releases to stdout (SEED defaults to 1)";

/// The seed used when none is given.
const DEFAULT_SEED: u64 = 1;

/// The first day releases are dated: 2015-01-01 is day 0.
const FIRST_YEAR: i32 = 2015;

/// The number of days from 2015-01-01 to 2024-12-31 inclusive (ten years, three of them leap).
const DAYS_IN_RANGE: u64 = 3653;

/// Parses the arguments, generates the dataset and reports failures (a closed pipe is not one).
fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((count, seed)) = parse_args(&args) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    match write_dataset(&mut out, count, seed).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("generate_dataset: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Reads `N [SEED]`; `None` when there are too few or too many arguments or one is not a number.
fn parse_args(args: &[String]) -> Option<(usize, u64)> {
    match args {
        [count] => Some((count.parse().ok()?, DEFAULT_SEED)),
        [count, seed] => Some((count.parse().ok()?, seed.parse().ok()?)),
        _ => None,
    }
}

/// The SplitMix64 pseudo-random generator: tiny, fast, and the same on every platform.
struct SplitMix64 {
    /// The generator's whole state, advanced by a fixed odd constant on every draw.
    state: u64,
}

impl SplitMix64 {
    /// A generator whose sequence is determined by `seed`.
    fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// The next 64 random bits.
    fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` must be positive), by multiply-and-shift rather than modulo.
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    /// A number in `[0, 1)` with 53 random bits.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A number in `0..n` favouring small ones (density falling like `1/sqrt(x)`), so the
    /// first entries of a list are common and the last ones rare, as in real text.
    fn skewed(&mut self, n: usize) -> usize {
        let u = self.unit();
        ((u * u * n as f64) as usize).min(n - 1)
    }

    /// An index into a table of `(weight, value)` pairs, chosen in proportion to the weights.
    fn weighted<T: Copy>(&mut self, table: &[(u32, T)]) -> T {
        let total: u32 = table.iter().map(|&(weight, _)| weight).sum();
        let mut roll = self.below(total as usize) as u32;
        for &(weight, value) in table {
            if roll < weight {
                return value;
            }
            roll -= weight;
        }
        table[table.len() - 1].1
    }

    /// `count` distinct indices into `0..n` (`count <= n`), drawn with [`Self::skewed`] when
    /// `skew` is set and uniformly otherwise.
    fn distinct(&mut self, n: usize, count: usize, skew: bool) -> Vec<usize> {
        let mut chosen = Vec::with_capacity(count);
        while chosen.len() < count {
            let index = if skew { self.skewed(n) } else { self.below(n) };
            if !chosen.contains(&index) {
                chosen.push(index);
            }
        }
        chosen
    }
}

/// The language a release is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    /// English.
    En,
    /// Ukrainian.
    Uk,
    /// Russian.
    Ru,
}

impl Lang {
    /// The BCP 47 tag written to the dataset.
    fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Uk => "uk",
            Lang::Ru => "ru",
        }
    }
}

/// How often each language is used, in percent.
const LANGS: [(u32, Lang); 3] = [(60, Lang::En), (25, Lang::Uk), (15, Lang::Ru)];

/// The kinds of release and how often each occurs, in percent.
const KINDS: [(u32, &str); 5] = [
    (60, "Press Release"),
    (15, "Statement"),
    (10, "Report"),
    (10, "News"),
    (5, "Open Letter"),
];

/// How many people a release quotes (0–3) and how often, in percent.
const PEOPLE_COUNTS: [(u32, usize); 4] = [(35, 0), (40, 1), (18, 2), (7, 3)];

/// How many topics a release has (1–4) and how often, in percent.
const TOPIC_COUNTS: [(u32, usize); 4] = [(30, 1), (35, 2), (25, 3), (10, 4)];

/// How many places a release concerns (1–3) and how often, in percent.
const PLACE_COUNTS: [(u32, usize); 3] = [(50, 1), (35, 2), (15, 3)];

/// UTC offsets used for the releases dated with a time of day.
const OFFSETS: [&str; 7] = [
    "+02:00", "+03:00", "Z", "+01:00", "-05:00", "-04:00", "+00:00",
];

/// The topics releases are tagged with: exactly 50.
const TOPICS: [&str; 50] = [
    "War crimes",
    "Crimes against humanity",
    "Protection of civilians",
    "Forced transfer",
    "Filtration",
    "Children",
    "Energy infrastructure",
    "Prisoners of war",
    "Freedom of expression",
    "Freedom of assembly",
    "Torture",
    "Enforced disappearances",
    "Refugees and migrants",
    "Internally displaced people",
    "Death penalty",
    "Arbitrary detention",
    "Fair trial",
    "Human rights defenders",
    "Journalists",
    "Censorship",
    "Women’s rights",
    "Gender-based violence",
    "LGBTI rights",
    "Indigenous peoples",
    "Minority rights",
    "Discrimination",
    "Climate justice",
    "Right to health",
    "Right to housing",
    "Right to education",
    "Economic and social rights",
    "Corporate accountability",
    "Arms trade",
    "Cluster munitions",
    "Landmines",
    "Nuclear safety",
    "Sanctions",
    "International justice",
    "Accountability",
    "Humanitarian access",
    "Sexual violence",
    "Hostages",
    "Occupied territories",
    "Propaganda and disinformation",
    "Surveillance",
    "Digital rights",
    "Police violence",
    "Peaceful protest",
    "Reconstruction",
    "Mental health",
];

/// The places releases concern: exactly 80, countries and cities, in Latin and Cyrillic script.
const PLACES: [&str; 80] = [
    "Ukraine",
    "Russia",
    "Belarus",
    "Moldova",
    "Georgia",
    "Poland",
    "Romania",
    "Hungary",
    "Slovakia",
    "Lithuania",
    "Latvia",
    "Estonia",
    "Germany",
    "France",
    "United Kingdom",
    "United States",
    "Türkiye",
    "Kazakhstan",
    "Armenia",
    "Azerbaijan",
    "Switzerland",
    "Zürich",
    "Genève",
    "The Hague",
    "Brussels",
    "Strasbourg",
    "Vienna",
    "Warsaw",
    "Kraków",
    "Chișinău",
    "Tbilisi",
    "Vilnius",
    "Riga",
    "Tallinn",
    "Bucharest",
    "Mariupol",
    "Zaporizhzhia",
    "Kherson",
    "Mykolaiv",
    "Bakhmut",
    "Bucha",
    "Irpin",
    "Izium",
    "Sumy",
    "Chernihiv",
    "Kramatorsk",
    "Sloviansk",
    "Donetsk region",
    "Luhansk region",
    "Crimea",
    "Sevastopol",
    "Enerhodar",
    "Kryvyi Rih",
    "Moscow",
    "Saint Petersburg",
    "Київ",
    "Харків",
    "Одеса",
    "Львів",
    "Дніпро",
    "Вінниця",
    "Полтава",
    "Житомир",
    "Черкаси",
    "Ужгород",
    "Івано-Франківськ",
    "Тернопіль",
    "Рівне",
    "Луцьк",
    "Чернівці",
    "Херсонщина",
    "Донеччина",
    "Луганщина",
    "Запорізька область",
    "Москва",
    "Санкт-Петербург",
    "Белгород",
    "Мінськ",
    "Гродно",
    "Брест",
];

/// Given names of spokespeople written in Latin script (15 × 12 surnames = 180 people).
const LATIN_FIRST_NAMES: [&str; 15] = [
    "Marie", "Daniel", "Sofia", "Tomasz", "Agnès", "Jonas", "Elena", "Marco", "Amira", "Lukas",
    "Chloé", "Samuel", "Ingrid", "Mateo", "Hannah",
];

/// Surnames of spokespeople written in Latin script.
const LATIN_LAST_NAMES: [&str; 12] = [
    "Struthers",
    "Novak",
    "Kowalski",
    "Müller",
    "Dubois",
    "Rossi",
    "Okafor",
    "Lindqvist",
    "García",
    "Petrenko",
    "Horváth",
    "Nguyen",
];

/// Given names of spokespeople written in Cyrillic (12 × 10 surnames = 120 people).
const CYRILLIC_FIRST_NAMES: [&str; 12] = [
    "Олена",
    "Андрій",
    "Ірина",
    "Тарас",
    "Наталія",
    "Дмитро",
    "Оксана",
    "Сергій",
    "Марія",
    "Олег",
    "Юлія",
    "Богдан",
];

/// Surnames of spokespeople written in Cyrillic (all used for both genders).
const CYRILLIC_LAST_NAMES: [&str; 10] = [
    "Шевчук",
    "Бондаренко",
    "Ткаченко",
    "Кравчук",
    "Мельник",
    "Коваль",
    "Бойко",
    "Лисенко",
    "Руденко",
    "Савчук",
];

/// The positions spokespeople hold; each person keeps one for the whole dataset.
const ROLES: [&str; 17] = [
    "Director for Eastern Europe and Central Asia",
    "Senior Crisis Adviser",
    "Ukraine Researcher",
    "Russia Researcher",
    "Head of Office in Kyiv",
    "Executive Director",
    "Senior Director of Advocacy and Government Relations",
    "Legal Adviser",
    "Campaigner on Belarus",
    "Media Manager",
    "Deputy Regional Director",
    "Arms Control Researcher",
    "Children’s Rights Adviser",
    "Researcher on Moldova and the South Caucasus",
    "Директорка з адвокації",
    "Координатор польових досліджень",
    "Руководитель правовой программы",
];

/// Photographers named in image credits.
const PHOTOGRAPHERS: [&str; 12] = [
    "Pavlo Palamarchuk",
    "Juan Barreto",
    "Michael M. Santiago",
    "Bulent Kilic",
    "Scott Olson",
    "Sergei Guneyev",
    "Anastasia Vlasova",
    "Євген Малолєтка",
    "Олександр Гіманов",
    "François Lenoir",
    "Zoë Schäfer",
    "Mstyslav Chernov",
];

/// Agencies named in image credits.
const AGENCIES: [&str; 8] = [
    "AFP via Getty Images",
    "Getty Images",
    "SOPA Images/LightRocket via Getty Images",
    "AP Photo",
    "Reuters",
    "Anadolu Agency via Getty Images",
    "NurPhoto via Getty Images",
    "Укрінформ",
];

/// English words that glue sentences together; frequent, never capitalized in titles.
const EN_FUNCTION: &str = "the of and in on to for with against by from at as after before \
    during over under about into between among without within across amid despite since until \
    while a an its their our his her this that these those who which whose where when than but or \
    nor not also more most all any each every some other such both";

/// English vocabulary: human rights and war reporting, general news, and a few words with
/// diacritics so search has to handle them.
const EN_CONTENT: &str = "
    authorities government governments investigation investigations evidence civilian civilians
    attack attacks strike strikes forces military army soldiers troops commanders war wars crime
    crimes humanity justice accountability impunity rights human international humanitarian law
    laws court courts tribunal prosecutor prosecutors trial trials verdict sentence sentenced
    prison prisons prisoner prisoners detention detained detainees arrest arrests arrested release
    released freedom freedoms expression assembly association protest protests protesters peaceful
    demonstration demonstrators police officers violence torture abuse abuses ill-treatment killing
    killings unlawful lawful deliberate indiscriminate disproportionate shelling bombardment missile
    missiles drone drones rocket rockets artillery cluster munitions weapons landmines explosive
    explosives residential apartment buildings hospital hospitals clinic school schools
    kindergarten theatre museum library church cathedral mosque synagogue shelter shelters basement
    energy infrastructure plant nuclear reactor electricity heating water supply winter blackout
    blackouts displaced refugees asylum seekers border crossing evacuation corridor convoy
    filtration camp camps deportation deported transfer transferred children child families family
    women men elderly disabilities survivors survivor victims victim witnesses witness testimony
    testimonies interviews interviewed researchers research report reports findings documented
    documenting documentation analysis satellite imagery photographs videos footage verified
    verification open-source investigators team mission visit delegation officials minister
    ministry president parliament lawmakers legislation bill amendment amendments decree sanctions
    embassy diplomats negotiations ceasefire occupation occupied territory territories region
    regions villages towns cities city village frontline liberated retaken reconstruction recovery
    aid assistance donors funding access organizations organization journalists journalist media
    press reporters bloggers activists activist defenders lawyers lawyer doctors nurses teachers
    students volunteers community communities minority minorities indigenous Roma LGBTI
    discrimination hate speech censorship surveillance internet online platform platforms networks
    disinformation propaganda critics criticism dissent opposition election elections vote voters
    campaign campaigns petition letter appeal urgent action demand demands calls urges urged
    condemns condemned welcomes welcomed warns warned reveals revealed shows exposes exposed finds
    found says said must should cannot immediately urgently fully independent impartial effective
    thorough prompt transparent credible serious grave systematic widespread ongoing continuing
    escalating alarming shocking devastating horrific brutal cruel inhuman degrading arbitrary
    enforced disappearances disappearance missing abducted abduction hostage hostages captivity
    exchange fate whereabouts relatives mothers fathers daughter son brother sister grandmother
    grandfather neighbours
    morning evening night day days week weeks month months year years decade today yesterday
    tomorrow early late new old first last second third fourth major minor key main central local
    national global regional public private official unofficial legal illegal political economic
    social cultural historical religious ethnic linguistic environmental climate pollution drought
    flood floods wildfire heatwave harvest grain exports food prices hunger poverty inequality
    housing eviction evictions homeless healthcare medicine medicines vaccine pandemic quarantine
    workers labour union unions wages pension pensions employment unemployment business businesses
    company companies corporations supply chains mining oil gas pipeline coal solar wind transition
    debt budget taxes corruption bribery fraud laundering assets seized frozen oligarchs property
    land farmers fishermen coast port ports river bridge bridges road roads railway station airport
    train bus cars trucks
    announce announced announces publish published publishes launch launched launches document
    record recorded confirm confirmed deny denied reject rejected accept accepted adopt adopted
    approve approved pass passed sign signed ratify ratified implement implemented respect protect
    protected protection ensure ensured guarantee guaranteed prevent prevented stop stopped end
    ended begin began continue continued remain remains remained increase increased decrease
    decreased reduce reduced restrict restricted restrictions ban banned block blocked close closed
    open opened target targeted targeting destroy destroyed destruction damage damaged damaging
    kill killed injure injured wounded flee fled forced forcibly threaten threatened threats
    intimidate intimidation harass harassment silence silenced punish punished punishment charge
    charged charges prosecute prosecuted investigate investigated examine examined monitor
    monitored monitoring observe observed observers tell told speak spoke spoken describe described
    explain explained recall recalled remember remembered honour honoured mourn mourned support
    supported supporting help helped provide provided deliver delivered receive received return
    returned returning rebuild rebuilt restore restored compensate compensation reparations apology
    acknowledge acknowledged recognise recognised recognition cooperate cooperation coordinate
    coordination negotiate negotiated agree agreed agreement treaty convention conventions protocol
    statute jurisdiction mandate resolution resolutions council committee commission commissioner
    rapporteur envoy secretary general spokesperson director adviser researcher campaigner
    coordinator chair member members staff partners coalition alliance network movement movements
    young older vulnerable marginalised dangerous safe unsafe secure insecure difficult impossible
    necessary essential critical crucial vital important significant historic unprecedented
    landmark small large huge massive heavy light rapid slow sudden gradual clear unclear direct
    indirect strong weak long short recent previous current future former latest further full
    partial total complete limited free fair unfair equal unequal dignified humane decent basic
    fundamental universal collective individual personal medical psychological physical sexual
    gender-based domestic foreign western eastern southern northern European Russian Ukrainian
    Belarusian Georgian Moldovan Polish German French British American Crimean Tatar Tatars
    soldiers sailors pilots guards guardians wardens inmates colony colonies penal transit
    interrogation interrogated beaten beatings electric shocks starvation deprivation isolation
    solitary confinement lawyerless incommunicado consular visits letters parcels hunger-strike
    mobilisation mobilised conscription conscripts recruits deserters draft exemption
    referendum annexation annexed so-called puppet administration collaborators passports
    citizenship documents registration identity schooling curriculum textbooks language history
    memory archives monuments heritage looted looting artefacts paintings collections
    ecocide dam reservoir flooding contamination radiation inspectors safeguards agency
    grain-corridor shipping vessels sailors blockade Black Sea Azov steelworks factory plant
    tractor harvesters fields orchards vineyards livestock veterinary pesticides
    café cafés naïve naïveté résumé façade façades rôle déjà fiancée protégé cliché exposé
    coöperation Zürich Genève Montréal São Paulo Bogotá Kraków Malmö Århus Curaçao jalapeño
    Düsseldorf Besançon Würzburg Ålesund Łódź Gdańsk Poznań Brașov Timișoara Plzeň Košice
    ability absence abroad academic accident account accused achievement acts addition address
    adequate administrative adult advance advocacy affected afraid agenda agents agricultural ahead
    aim aimed alarm allegations alleged allies allow allowed alone alternative ambulance ammunition
    amount ancient anger angry anniversary annual answer anxiety apparent appeals appear applied
    approach approximately area areas argue argued armed arms arrival article artists aspects
    assess assessment attempt attempted attend attention audience authority available average
    avoid awareness balance bank barriers base based battle became become behalf behaviour belief
    believe benefit beyond biggest bodies body bombs book borders born bread brief bring broadcast
    broken built burden buried calm camera capacity capital care career carried case cases
    casualties cause caused cells centre century certain chance change changed chaos character
    charity cheap check chief choice choose circumstances citizen citizens civil claim claimed
    class clean closely clothes cold collapse colleagues combat comment comments commitment common
    compared concern concerned concerns conditions conduct conference conflict consequences
    consider considered constitution contact content context control controlled costs count
    countries country couple courage cover covered create created crisis crowd culture danger data
    date dead deadline deal death deaths debate decision decisions defence defend degree democracy
    democratic denial department depend deputy design despair detail details develop development
    dialogue dignity diplomacy disaster disease distance district divided doors doubt dozens
    dramatic dream duty economy editor education effect effort efforts emergency encourage enemy
    engineers enough entire environment equipment escape escaped establish estimate estimated event
    events everyday exactly example excessive executive exile exist existing expect expected
    experience experts explosion extent extreme facilities facing fact factors failed failure faith
    false fear fears feel fellow fight fighters fighting figures film final finally financial fire
    fired flag focus follow following forest form freely friends fuel fund gap gathered generation
    generous genocide goal goods grief ground groups growing guidance guilty half hands hard harm
    harsh head health hear heard heart held heroes hidden high highway hold holiday home homes hope
    hopes hostile hour hours house household ideas identified identify image impact implications
    importance improve incident incidents include including income indeed influence information
    initiative injuries injury inquiry inside insist institutions intended interest interests
    internal involved issue issues jail jobs join joint journey judge judges judicial jury
    knowledge lack largely lasting leader leaders leadership learn learned leave left legacy
    lessons level levels liberty lies life lifted lives living loss losses lost loud loved loyalty
    ";

/// Ukrainian words that glue sentences together.
const UK_FUNCTION: &str = "і та в у на з із до від для про що як за по після під над між без \
    через щодо також ще вже не лише але або цей ця ці їх його її наш";

/// Ukrainian vocabulary.
const UK_CONTENT: &str = "
    уряд влада влади органи розслідування розслідуванні докази доказів цивільні цивільних
    населення напад напади атака атаки удар удари ударів обстріл обстріли обстрілів сили війська
    армія військові солдати командири війна війни війні воєнні злочин злочини злочинів людяності
    правосуддя відповідальність безкарність права людини людей міжнародне міжнародного
    гуманітарне гуманітарного право закон закони суд суду суди трибунал прокурор прокурори процес
    вирок вироку ув'язнення в'язниця в'язниці полонені полонених військовополонених затримання
    затримані затриманих арешт арешти звільнення звільнили свобода свободи слова зібрань
    об'єднань мирний мирні протест протести протестувальники поліція поліцейські насильство
    катування тортури жорстоке поводження вбивство вбивства незаконний незаконні незаконно
    навмисний навмисні невибіркові ракета ракети ракетний дрон дрони безпілотники артилерія
    касетні боєприпаси зброя зброї міни мінування вибухові житлові житловий будинки будинок
    багатоповерхівка лікарня лікарні поліклініка школа школи садок театр музей бібліотека церква
    собор укриття підвал енергетична енергетичної інфраструктура інфраструктури електростанція
    атомна реактор електроенергія світло опалення вода водопостачання зима взимку блекаут
    відключення переселенці переселенців біженці біженців притулок кордон кордону евакуація
    евакуації коридор колона фільтрація фільтраційні табори депортація депортовані примусове
    переміщення діти дітей дитина родини родин сім'ї жінки жінок чоловіки літні люди
    інвалідністю постраждалі постраждалих жертви жертв свідки свідків свідчення інтерв'ю
    дослідники дослідження звіт звіту звіти висновки задокументувала документування аналіз
    супутникові знімки фотографії відео перевірила верифікація слідчі слідство команда місія
    візит делегація посадовці міністр міністерство президент парламент депутати законодавство
    законопроєкт указ санкції посольство дипломати переговори перемир'я окупація окупації
    окуповані окупованих територія території регіон регіону область області села міста місто
    село селище фронт лінія звільнені деокуповані відбудова відновлення допомога допомоги донори
    фінансування доступ організації організація журналісти журналіст медіа преса репортери
    блогери активісти активістка правозахисники правозахисниця адвокати адвокат лікарі медики
    медсестри вчителі студенти волонтери громада громади меншини меншин корінні народи кримські
    татари дискримінація ворожнечі цензура стеження інтернет онлайн платформи мережі
    дезінформація пропаганда критики опозиція вибори голосування кампанія петиція лист звернення
    термінова акція вимагає вимагаємо закликає закликаємо засуджує вітає попереджає показує
    викриває виявили встановили заявила заявив повідомила повідомили розповіла розповів повинні
    мають має негайно терміново повністю незалежне неупереджене ефективне ретельне прозоре
    достовірне серйозні тяжкі систематичні масові триваючі тривожні шокуючі руйнівні жахливі
    жорстокі нелюдські принизливі свавільні насильницькі зникнення зниклі безвісти викрадені
    викрадення заручники полон обмін доля місцеперебування родичі матері батьки донька син брат
    сестра бабуся дідусь сусіди ранок вечір ніч день дні тиждень місяць місяці рік роки
    десятиліття сьогодні вчора завтра новий нова нове нові перший перша останній другий третій
    головний ключовий центральний місцевий національний глобальний регіональний державний
    приватний офіційний неофіційний законний політичний економічний соціальний культурний
    історичний релігійний етнічний мовний екологічний клімат забруднення посуха повінь пожежі
    врожай зерно експорт продовольство ціни голод бідність нерівність житло виселення
    безпритульні здоров'я ліки вакцина пандемія працівники профспілка зарплати пенсії
    пенсіонери робота безробіття бізнес підприємства компанії постачання видобуток нафта газ
    газопровід вугілля енергія борг бюджет податки корупція хабарі шахрайство активи
    арештовані заморожені олігархи власність земля фермери рибалки узбережжя порт порти річка
    міст мости дорога дороги залізниця вокзал аеропорт потяг автобус автомобілі вантажівки
    український українська українські українців українці російський російська російські
    росіяни білоруський європейський Європи Європейський Союз ООН Рада безпеки МКС Гаазі
    мобілізація призов окупанти колаборанти паспорти громадянство документи реєстрація
    навчання підручники історія пам'ять архіви пам'ятки спадщина пограбування викрали картини
    колекції екоцид дамба водосховище затоплення забруднення радіація інспектори МАГАТЕ
    судноплавство судна блокада Чорне море Азовське металургійний комбінат завод трактори
    поля сади виноградники худоба допитували допити побиття електрошок голодування ізоляція
    одиночна камера консульські листи передачі колонія етапування обвинувачення обвинувачений
    слідчий ізолятор адвокатів рідні очікують повернення додому надія пам'ятаємо вимагаємо
    абсолютно автомобіль агресія агресор адміністрація акції активно актуальні аналітики
    атмосфера багато бажання банк батальйон безпека безпеки бездіяльність бій бійці близько бої
    боротьба бригада будівництво будівля вагон важливо важкі варто вбиті ведуть велика
    величезні вибух вибухи вивезли видання визнання визволення вимоги виплати випадки випадок
    виробництво вироки висновок вистачає вихід відмова відповідь відкритий відкрито відомо
    відомство вільно вітер вогонь волі воля вороги ворог восени впевнені вплив враження
    врятували всього вулиця вулиці газета гарантії гідність глибоко говорити година години
    голова гроші громадськість група гуманітарна давно дані двері дерева держава держави
    детально джерела джерело дитинство дзвінок діалог діяльність добре довго довіра договір
    доказ документ допомагають дорослі досвід досі друзі думка дуже єдність життя жителі живуть
    журнал завдання загроза загроз загинули загиблі заклад заклади залишаються залишилися запит
    зараз засідання захист захисники захисту звичайні здатні зміни значення зона зруйновані
    зруйновано зустріч ініціатива інформація історії кадри камера картина категорично кількість
    кінець книга книжки коментар комісія конфлікт контроль країна країни кров культура лідери
    лікування любов магазин малюнки масштаб матеріали медицина меморіал мета метро миру мир
    мовчання можливість молодь моря мужність наслідки наступ небезпека недостатньо незабаром
    неможливо обіцянка обласний оборона образ обстановка оголосили операція опис оприлюднила
    оцінка очевидці паливо паніка партнери підтримка підтримку побут повага повітря погрози
    подія події позиція покарання поранені поранення порушення порушень посилення потреби
    потрібно правда представники працюють прапор прийняли приклад причина проблема проблеми
    програма продовжують проєкт простір протягом публічно пункт раніше реакція реальність режим
    результат рішення родина руйнування свідомо світ свято серце символ ситуація складно служба
    смерть сміливість солідарність спогади спокій справа справи спротив стан становище статус
    стіни страх суспільство сцена темрява тепло терор тиск тисячі тіла точно традиції тривога
    увага умови унікальні учасники факти фонд форма хвилина хліб центр цінності частина чекати
    черга число чесно шанс шлях щастя щодня ювілей юристи ядерний
    ";

/// Russian words that glue sentences together.
const RU_FUNCTION: &str = "и в на с со до от для о об что как за по после под над между без \
    через также ещё уже не только но или этот эта эти их его её наш";

/// Russian vocabulary.
const RU_CONTENT: &str = "
    правительство власти органы расследование расследования доказательства доказательств мирные
    мирных жителей население нападение нападения атака атаки удар удары ударов обстрел обстрелы
    обстрелов силы войска армия военные солдаты командиры война войны войне преступление
    преступления преступлений человечности правосудие ответственность безнаказанность права
    человека людей международное международного гуманитарное гуманитарного право закон законы суд
    суда суды трибунал прокурор прокуроры процесс приговор приговора заключение тюрьма тюрьмы
    пленные пленных военнопленных задержание задержанные задержанных арест аресты освобождение
    освободили свобода свободы слова собраний объединений мирный протест протесты протестующие
    полиция полицейские насилие пытки жестокое обращение убийство убийства незаконный незаконные
    незаконно преднамеренный неизбирательные ракета ракеты ракетный беспилотники дроны
    артиллерия кассетные боеприпасы оружие оружия мины минирование взрывчатые жилые жилой дома
    дом многоэтажка больница больницы поликлиника школа школы детский сад театр музей библиотека
    церковь собор убежище подвал энергетическая энергетической инфраструктура инфраструктуры
    электростанция атомная реактор электроэнергия свет отопление вода водоснабжение зима зимой
    блэкаут отключения переселенцы переселенцев беженцы беженцев убежища граница границы
    эвакуация эвакуации коридор колонна фильтрация фильтрационные лагеря депортация
    депортированные принудительное перемещение дети детей ребёнок семьи семей женщины женщин
    мужчины пожилые люди инвалидностью пострадавшие пострадавших жертвы жертв свидетели
    свидетелей показания интервью исследователи исследование доклад доклада доклады выводы
    задокументировала документирование анализ спутниковые снимки фотографии видео проверила
    верификация следователи следствие команда миссия визит делегация чиновники министр
    министерство президент парламент депутаты законодательство законопроект указ санкции
    посольство дипломаты переговоры перемирие оккупация оккупации оккупированные оккупированных
    территория территории регион региона область области сёла города город село посёлок фронт
    линия освобождённые восстановление помощь помощи доноры финансирование доступ организации
    организация журналисты журналист СМИ пресса репортёры блогеры активисты активистка
    правозащитники правозащитница адвокаты адвокат врачи медики медсёстры учителя студенты
    волонтёры общество общины меньшинства меньшинств коренные народы дискриминация вражды
    цензура слежка интернет онлайн платформы сети дезинформация пропаганда критики оппозиция
    выборы голосование кампания петиция письмо обращение срочная акция требует требуем
    призывает призываем осуждает приветствует предупреждает показывает разоблачает выявили
    установили заявила заявил сообщила сообщили рассказала рассказал должны обязаны немедленно
    срочно полностью независимое беспристрастное эффективное тщательное прозрачное достоверное
    серьёзные тяжкие систематические массовые продолжающиеся тревожные шокирующие
    разрушительные ужасающие жестокие бесчеловечные унижающие произвольные насильственные
    исчезновения пропавшие без вести похищенные похищение заложники плен обмен судьба
    местонахождение родственники матери отцы дочь сын брат сестра бабушка дедушка соседи утро
    вечер ночь день дни неделя месяц месяцы год годы десятилетие сегодня вчера завтра новый
    новая новое новые первый первая последний второй третий главный ключевой центральный местный
    национальный глобальный региональный государственный частный официальный неофициальный
    законный политический экономический социальный культурный исторический религиозный
    этнический языковой экологический климат загрязнение засуха наводнение пожары урожай зерно
    экспорт продовольствие цены голод бедность неравенство жильё выселение бездомные
    здравоохранение лекарства вакцина пандемия работники профсоюз зарплаты пенсии пенсионеры
    работа безработица бизнес предприятия компании поставки добыча нефть газ газопровод уголь
    энергия долг бюджет налоги коррупция взятки мошенничество активы арестованные
    замороженные олигархи собственность земля фермеры рыбаки побережье порт порты река мост
    мосты дорога дороги железная вокзал аэропорт поезд автобус автомобили грузовики российский
    российская российские россияне украинский украинская украинцы белорусский европейский
    Европы Европейский Союз ООН Совет безопасности МУС Гааге иноагент иностранный агент
    нежелательная экстремизм экстремистская дискредитация фейки штраф штрафы уголовное дело
    обвинение обвиняемый колония этап голодовка передача адвоката мобилизация призыв
    оккупанты коллаборанты паспорта гражданство документы регистрация учебники история память
    архивы памятники наследие разграбление картины коллекции экоцид плотина водохранилище
    затопление радиация инспекторы МАГАТЭ судоходство суда блокада Чёрное море Азовское
    металлургический комбинат завод тракторы поля сады виноградники скот допросы избиения
    электрошок изоляция одиночная камера консульские письма передачи этапирование следственный
    изолятор родные ожидают возвращения домой надежда помним
    абсолютно автомобиль агрессия агрессор администрация акции активно актуальные аналитики
    атмосфера много желание банк батальон безопасность бездействие бой бойцы близко бои борьба
    бригада строительство здание вагон важно тяжёлые стоит убитые ведут большая огромные взрыв
    взрывы вывезли издание признание освобождения требования выплаты случаи случай производство
    приговоры вывод хватает выход отказ ответ открытый открыто известно ведомство свободно ветер
    огонь воля враги враг осенью уверены влияние впечатление спасли всего улица улицы газета
    гарантии достоинство глубоко говорить час часа голова деньги общественность группа
    гуманитарная давно данные двери деревья государство государства подробно источники источник
    детство звонок диалог деятельность хорошо долго доверие договор документ помогают взрослые
    опыт друзья мнение очень единство жизнь живут журнал задача угроза угроз погибли погибшие
    учреждение учреждения остаются остались запрос сейчас заседание защита защитники защиты
    обычные способны перемены значение зона разрушенные разрушено встреча инициатива информация
    истории кадры камера картина категорически количество конец книга книги комментарий комиссия
    конфликт контроль страна страны кровь культура лидеры лечение любовь магазин рисунки масштаб
    материалы медицина мемориал цель метро мира мир молчание возможность молодёжь моря мужество
    последствия наступление опасность недостаточно вскоре невозможно обещание областной оборона
    образ обстановка объявили операция описание опубликовала оценка очевидцы топливо паника
    партнёры поддержка быт уважение воздух угрозы событие события позиция наказание раненые
    ранения нарушение нарушений усиление потребности нужно правда представители работают флаг
    приняли пример причина проблема проблемы программа продолжают проект пространство течение
    публично пункт ранее реакция реальность режим результат решение семья разрушения сознательно
    праздник сердце символ ситуация сложно служба смерть смелость солидарность воспоминания
    спокойствие справедливость сопротивление состояние положение статус стены страх сцена
    темнота тепло террор давление тысячи тела точно традиции тревога внимание условия уникальные
    участники факты фонд форма минута хлеб центр ценности часть ждать очередь число честно шанс
    путь счастье ежедневно юбилей юристы ядерный
    ";

/// A language's vocabulary, split into words once at start-up.
struct Lexicon {
    /// Short frequent words (articles, prepositions, conjunctions).
    function: Vec<&'static str>,
    /// Everything else, in order of decreasing frequency as [`SplitMix64::skewed`] picks them.
    content: Vec<&'static str>,
}

impl Lexicon {
    /// Splits the two whitespace-separated word lists.
    fn new(function: &'static str, content: &'static str) -> Self {
        Self {
            function: function.split_whitespace().collect(),
            content: content.split_whitespace().collect(),
        }
    }

    /// A random word: a function word about a quarter of the time, otherwise a content word.
    fn word(&self, rng: &mut SplitMix64) -> &'static str {
        if rng.chance(0.27) {
            self.function[rng.below(self.function.len())]
        } else {
            self.content[rng.skewed(self.content.len())]
        }
    }

    /// Whether `word` is one of this language's function words.
    fn is_function(&self, word: &str) -> bool {
        self.function.contains(&word)
    }
}

/// A spokesperson: name and the role they hold (some have none).
struct Spokesperson {
    /// Given name and surname.
    name: String,
    /// Position, if the dataset gives one.
    role: Option<&'static str>,
}

/// Everything releases are built from: word lists and the fixed cast of 300 spokespeople.
struct Vocabulary {
    /// English words.
    en: Lexicon,
    /// Ukrainian words.
    uk: Lexicon,
    /// Russian words.
    ru: Lexicon,
    /// The 300 people who may be quoted.
    people: Vec<Spokesperson>,
}

impl Vocabulary {
    /// Builds the word lists and the cast: 180 people with Latin names, 120 with Cyrillic ones.
    fn new() -> Self {
        let latin = LATIN_LAST_NAMES.iter().flat_map(|last| {
            LATIN_FIRST_NAMES
                .iter()
                .map(move |first| format!("{first} {last}"))
        });
        let cyrillic = CYRILLIC_LAST_NAMES.iter().flat_map(|last| {
            CYRILLIC_FIRST_NAMES
                .iter()
                .map(move |first| format!("{first} {last}"))
        });
        let people = latin
            .chain(cyrillic)
            .enumerate()
            .map(|(k, name)| Spokesperson {
                name,
                role: (k % 13 != 5).then(|| ROLES[(k * 7 + k / 17) % ROLES.len()]),
            })
            .collect();
        Self {
            en: Lexicon::new(EN_FUNCTION, EN_CONTENT),
            uk: Lexicon::new(UK_FUNCTION, UK_CONTENT),
            ru: Lexicon::new(RU_FUNCTION, RU_CONTENT),
            people,
        }
    }

    /// The word lists for `lang`.
    fn lexicon(&self, lang: Lang) -> &Lexicon {
        match lang {
            Lang::En => &self.en,
            Lang::Uk => &self.uk,
            Lang::Ru => &self.ru,
        }
    }
}

/// The top-level fields of the dataset, written before the streamed `releases` array.
#[derive(Serialize)]
struct Header<'a> {
    /// The format version, always 1.
    pressline: u64,
    /// The listing's title.
    title: &'a str,
    /// A sentence under the title.
    description: &'a str,
    /// The (fictional) publisher.
    organization: OrganizationOut,
}

/// The publisher written to the dataset.
#[derive(Serialize)]
struct OrganizationOut {
    /// The organization's name.
    name: &'static str,
    /// Its home page.
    url: &'static str,
    /// Its press address.
    press_email: &'static str,
}

/// One release as written to the dataset; optional fields are left out when absent.
#[derive(Serialize)]
struct ReleaseOut<'a> {
    /// Unique URL-safe slug.
    id: String,
    /// "Press Release", "Statement", …
    kind: &'static str,
    /// `YYYY-MM-DD` or an RFC 3339 date-time with offset.
    date: String,
    /// The headline.
    title: String,
    /// The standfirst.
    summary: String,
    /// Plain paragraphs separated by blank lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<String>,
    /// The people quoted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    people: Vec<PersonOut<'a>>,
    /// The picture or just its credit.
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<ImageOut>,
    /// Subjects, from [`TOPICS`].
    topics: Vec<&'static str>,
    /// Places, from [`PLACES`].
    places: Vec<&'static str>,
    /// The canonical copy.
    url: String,
    /// The language tag.
    lang: &'static str,
}

/// A quoted person as written to the dataset.
#[derive(Serialize)]
struct PersonOut<'a> {
    /// Full name.
    name: &'a str,
    /// Position, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<&'static str>,
}

/// A release's picture as written to the dataset; a credit may stand alone.
#[derive(Serialize)]
struct ImageOut {
    /// Where the picture is.
    #[serde(skip_serializing_if = "Option::is_none")]
    src: Option<String>,
    /// What it shows.
    #[serde(skip_serializing_if = "Option::is_none")]
    alt: Option<String>,
    /// Photographer and agency.
    credit: String,
}

/// Writes the whole dataset: header, then `count` releases newest first, one per line.
fn write_dataset(out: &mut impl Write, count: usize, seed: u64) -> io::Result<()> {
    let vocabulary = Vocabulary::new();
    let mut rng = SplitMix64::new(seed);

    let title = format!("Synthetic press releases ({count}, seed {seed})");
    let header = Header {
        pressline: 1,
        title: &title,
        description: "A generated dataset for benchmarking Pressline’s search and filters: \
                      invented releases in English, Ukrainian and Russian.",
        organization: OrganizationOut {
            name: "Example Human Rights Network",
            url: "https://example.org",
            press_email: "press@example.org",
        },
    };
    let mut header_json = serde_json::to_vec(&header)?;
    // Drop the header object's closing brace to append the streamed array.
    header_json.pop();
    out.write_all(&header_json)?;
    out.write_all(b",\"releases\":[")?;

    // Days first, so the releases can be listed newest first as a real newsroom does.
    let mut days: Vec<u32> = (0..count)
        .map(|_| rng.below(DAYS_IN_RANGE as usize) as u32)
        .collect();
    days.sort_unstable_by(|a, b| b.cmp(a));

    for (index, &day) in days.iter().enumerate() {
        let release = make_release(&vocabulary, &mut rng, index, day);
        out.write_all(if index == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut *out, &release)?;
    }
    out.write_all(b"\n]}\n")
}

/// Builds release number `index` (0-based, used to make its id unique), dated `day` days after
/// 2015-01-01.
fn make_release<'a>(
    vocabulary: &'a Vocabulary,
    rng: &mut SplitMix64,
    index: usize,
    day: u32,
) -> ReleaseOut<'a> {
    let lang = rng.weighted(&LANGS);
    let lexicon = vocabulary.lexicon(lang);
    let kind = rng.weighted(&KINDS);
    let date = format_date(rng, day);

    let place_count = rng.weighted(&PLACE_COUNTS);
    let places: Vec<&'static str> = rng
        .distinct(PLACES.len(), place_count, true)
        .into_iter()
        .map(|i| PLACES[i])
        .collect();
    let topic_count = rng.weighted(&TOPIC_COUNTS);
    let topics: Vec<&'static str> = rng
        .distinct(TOPICS.len(), topic_count, true)
        .into_iter()
        .map(|i| TOPICS[i])
        .collect();
    let people_count = rng.weighted(&PEOPLE_COUNTS);
    let people: Vec<PersonOut<'a>> = rng
        .distinct(vocabulary.people.len(), people_count, true)
        .into_iter()
        .map(|i| {
            let person = &vocabulary.people[i];
            PersonOut {
                name: &person.name,
                role: person.role,
            }
        })
        .collect();

    let title_place = rng.chance(0.4).then_some(places[0]);
    let title = make_title(lexicon, rng, lang, title_place);
    let summary_words = rng.between(30, 80);
    let summary_place = rng.chance(0.5).then(|| places[rng.below(places.len())]);
    let mut summary = String::with_capacity(summary_words * 12);
    push_text(&mut summary, lexicon, rng, summary_words, summary_place);

    let body = rng
        .chance(0.7)
        .then(|| make_body(lexicon, rng, lang, &people, &places));
    let image = match rng.below(100) {
        0..=29 => None,
        30..=64 => Some(ImageOut {
            src: None,
            alt: None,
            credit: make_credit(rng, lang),
        }),
        _ => {
            let mut alt = String::new();
            let words = rng.between(5, 12);
            push_sentence(&mut alt, lexicon, rng, words, Some(places[0]));
            Some(ImageOut {
                src: Some(format!("https://example.org/img/{}.jpg", index + 1)),
                alt: Some(alt),
                credit: make_credit(rng, lang),
            })
        }
    };

    let id = make_id(&title, index);
    let url = format!("https://example.org/news/{id}");
    ReleaseOut {
        id,
        kind,
        date,
        title,
        summary,
        body,
        people,
        image,
        topics,
        places,
        url,
        lang: lang.tag(),
    }
}

/// The date `day` days after 2015-01-01: usually `YYYY-MM-DD`, one time in ten an RFC 3339
/// date-time in office hours with a UTC offset.
fn format_date(rng: &mut SplitMix64, day: u32) -> String {
    let (year, month, day_of_month) = civil_date(day);
    if rng.chance(0.1) {
        let hour = rng.between(7, 20);
        let minute = [0, 15, 30, 45, rng.below(60)][rng.below(5)];
        let offset = OFFSETS[rng.below(OFFSETS.len())];
        format!("{year:04}-{month:02}-{day_of_month:02}T{hour:02}:{minute:02}:00{offset}")
    } else {
        format!("{year:04}-{month:02}-{day_of_month:02}")
    }
}

/// Year, month and day of the date `day` days after 2015-01-01.
fn civil_date(mut day: u32) -> (i32, u32, u32) {
    let mut year = FIRST_YEAR;
    loop {
        let length = if is_leap(year) { 366 } else { 365 };
        if day < length {
            break;
        }
        day -= length;
        year += 1;
    }
    let mut month = 1;
    loop {
        let length = days_in_month(year, month);
        if day < length {
            return (year, month, day + 1);
        }
        day -= length;
        month += 1;
    }
}

/// Whether `year` has a 29 February.
fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in `month` (1–12) of `year`.
fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// A headline of 8–16 words; English ones in title case, others in sentence case, sometimes
/// naming a place.
fn make_title(
    lexicon: &Lexicon,
    rng: &mut SplitMix64,
    lang: Lang,
    place: Option<&'static str>,
) -> String {
    let length = rng.between(8, 16);
    // A place of several words takes that many of the title's words.
    let length = length - place.map_or(0, |place| place.split_whitespace().count() - 1);
    let place_at = place.map(|_| rng.below(length));
    let mut title = String::with_capacity(length * 12);
    for position in 0..length {
        if position > 0 {
            title.push(' ');
        }
        if let (Some(place), Some(at)) = (place, place_at) {
            if at == position {
                title.push_str(place);
                continue;
            }
        }
        let word = lexicon.word(rng);
        let capitalize = position == 0 || (lang == Lang::En && !lexicon.is_function(word));
        if capitalize {
            push_capitalized(&mut title, word);
        } else {
            title.push_str(word);
        }
    }
    title
}

/// Appends `words` words of prose as sentences of 6–16 words, naming `place` in the first one
/// when given.
fn push_text(
    out: &mut String,
    lexicon: &Lexicon,
    rng: &mut SplitMix64,
    words: usize,
    mut place: Option<&'static str>,
) {
    let mut remaining = words;
    while remaining > 0 {
        let mut length = remaining.min(rng.between(6, 16));
        if remaining - length < 4 {
            length = remaining;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        push_sentence(out, lexicon, rng, length, place.take());
        remaining -= length;
    }
}

/// Appends one sentence of `words` words, capitalized, perhaps with a comma, ending in a full
/// stop; `place`, when given, stands in one position and counts as the words it has.
fn push_sentence(
    out: &mut String,
    lexicon: &Lexicon,
    rng: &mut SplitMix64,
    words: usize,
    place: Option<&'static str>,
) {
    // A place of several words takes that many of the sentence's words.
    let words = words - place.map_or(0, |place| place.split_whitespace().count() - 1);
    let place_at = place.map(|_| rng.below(words));
    let comma_at = (words > 7 && rng.chance(0.4)).then(|| rng.between(3, words - 3));
    for position in 0..words {
        if position > 0 {
            out.push(' ');
        }
        let word = match (place, place_at) {
            (Some(place), Some(at)) if at == position => place,
            _ => lexicon.word(rng),
        };
        if position == 0 {
            push_capitalized(out, word);
        } else {
            out.push_str(word);
        }
        if comma_at == Some(position) {
            out.push(',');
        }
    }
    out.push('.');
}

/// A body of 1–4 paragraphs of 2–4 sentences, one of them perhaps quoting a spokesperson.
fn make_body(
    lexicon: &Lexicon,
    rng: &mut SplitMix64,
    lang: Lang,
    people: &[PersonOut<'_>],
    places: &[&'static str],
) -> String {
    let paragraphs = rng.between(1, 4);
    let quote_at = (!people.is_empty()).then(|| rng.below(paragraphs));
    let mut body = String::with_capacity(paragraphs * 400);
    for paragraph in 0..paragraphs {
        if paragraph > 0 {
            body.push_str("\n\n");
        }
        if quote_at == Some(paragraph) {
            let person = &people[rng.below(people.len())];
            let mut quote = String::new();
            let words = rng.between(8, 20);
            push_sentence(&mut quote, lexicon, rng, words, None);
            quote.pop(); // The full stop; the quotation takes its own punctuation.
            match lang {
                Lang::En => body.push_str(&format!("“{quote},” said {}.", person.name)),
                Lang::Uk => body.push_str(&format!("«{quote}», — зазначає {}.", person.name)),
                Lang::Ru => body.push_str(&format!("«{quote}», — отмечает {}.", person.name)),
            }
            continue;
        }
        let sentences = rng.between(2, 4);
        for sentence in 0..sentences {
            if sentence > 0 {
                body.push(' ');
            }
            let place = rng.chance(0.15).then(|| places[rng.below(places.len())]);
            let words = rng.between(6, 18);
            push_sentence(&mut body, lexicon, rng, words, place);
        }
    }
    body
}

/// A photo credit: photographer and agency, or the agency alone; some Ukrainian and Russian
/// ones start with "Фото:".
fn make_credit(rng: &mut SplitMix64, lang: Lang) -> String {
    let agency = AGENCIES[rng.below(AGENCIES.len())];
    let credit = if rng.chance(0.8) {
        format!("{}/{agency}", PHOTOGRAPHERS[rng.below(PHOTOGRAPHERS.len())])
    } else {
        agency.to_owned()
    };
    if lang != Lang::En && rng.chance(0.4) {
        format!("Фото: {credit}")
    } else {
        credit
    }
}

/// A URL-safe id: the title's first six words, transliterated to lowercase ASCII and joined by
/// hyphens, then the release number, which makes it unique.
fn make_id(title: &str, index: usize) -> String {
    let mut id = String::with_capacity(64);
    let mut words = 0;
    let mut in_word = false;
    for c in title.chars().flat_map(char::to_lowercase) {
        // Soft signs and apostrophes sit inside words: drop them without splitting the word.
        if matches!(c, 'ь' | 'ъ' | '\'' | '’') {
            continue;
        }
        let latin = transliterate(c);
        if latin.is_empty() {
            if in_word {
                in_word = false;
                words += 1;
                if words == 6 {
                    break;
                }
            }
            continue;
        }
        if !in_word && !id.is_empty() {
            id.push('-');
        }
        in_word = true;
        id.push_str(latin);
    }
    if !id.is_empty() {
        id.push('-');
    }
    id.push_str(&(index + 1).to_string());
    id
}

/// The lowercase ASCII spelling of a lowercase letter or digit (Cyrillic transliterated, Latin
/// diacritics dropped); empty for anything else, which separates words.
fn transliterate(c: char) -> &'static str {
    const ASCII: [&str; 36] = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f", "g", "h",
        "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z",
    ];
    match c {
        '0'..='9' => ASCII[c as usize - '0' as usize],
        'a'..='z' => ASCII[10 + c as usize - 'a' as usize],
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'ą' | 'ă' => "a",
        'å' => "aa",
        'ç' | 'ć' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'ł' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ő' => "o",
        'ř' => "r",
        'ș' | 'ś' | 'š' => "s",
        'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ű' => "u",
        'ý' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "h",
        'ґ' => "g",
        'д' => "d",
        'е' | 'э' => "e",
        'є' => "ye",
        'ё' => "yo",
        'ж' => "zh",
        'з' => "z",
        'и' => "y",
        'і' => "i",
        'ї' => "yi",
        'й' => "i",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ы' => "y",
        'ю' => "iu",
        'я' => "ia",
        _ => "",
    }
}

/// Appends `word` with its first letter in upper case (Latin or Cyrillic).
fn push_capitalized(out: &mut String, word: &str) {
    let mut chars = word.chars();
    if let Some(first) = chars.next() {
        out.extend(first.to_uppercase());
        out.push_str(chars.as_str());
    }
}
