#pragma once
// A small registry in the shape the import gives the real one: hromadas named by their adjective
// ("Львівська міська громада") with the centre in extra["centre"] and as aliases, foreign cities
// with native, English and Ukrainian names. The Ukrainian rows are real (KSE hromada dataset,
// KATOTTG codes, 2022 population); the first ones are the cities tests/search/spellings.tsv expects.

#include <string>
#include <vector>

#include "i18n/translit.hpp"
#include "model/types.hpp"
#include "registry/registry.hpp"

namespace prd::test {

inline Municipality hromada(std::string id, std::string adjective, MunicipalityKind kind, std::string centre,
                            std::string oblast, std::string raion, std::int64_t population, double lat, double lon,
                            std::vector<std::string> aliases) {
    Municipality m;
    m.id = std::move(id);
    m.kind = kind;
    m.country = "UA";
    m.region = oblast + " область";
    m.district = raion + " район";
    const char* uk_kind = kind == MunicipalityKind::city_hromada ? " міська громада"
                          : kind == MunicipalityKind::settlement_hromada ? " селищна громада" : " сільська громада";
    const char* en_kind = kind == MunicipalityKind::city_hromada ? " city hromada"
                          : kind == MunicipalityKind::settlement_hromada ? " settlement hromada" : " village hromada";
    m.names.uk = adjective + uk_kind;
    m.names.native = m.names.uk;
    m.names.en = transliterate_uk(adjective) + en_kind;
    m.extra["centre"] = {{"uk", centre}, {"en", transliterate_uk(centre)}};
    m.aliases = {centre, transliterate_uk(centre)};
    m.aliases.insert(m.aliases.end(), aliases.begin(), aliases.end());
    m.population = population;
    m.location = GeoPoint{lat, lon};
    m.languages = {"uk"};
    return m;
}

inline Municipality foreign_city(std::string id, std::string native, std::string en, std::string uk, std::string region,
                                 std::int64_t population, double lat, double lon, std::vector<std::string> aliases = {}) {
    Municipality m;
    m.id = std::move(id);
    m.kind = MunicipalityKind::foreign_municipality;
    m.country = m.id.substr(0, 2);
    m.region = std::move(region);
    m.names = {std::move(uk), std::move(en), std::move(native)};
    m.aliases = std::move(aliases);
    m.population = population;
    m.location = GeoPoint{lat, lon};
    return m;
}

inline Municipality kyiv_city() {
    Municipality m;
    m.id = "UA80000000000093317";
    m.kind = MunicipalityKind::special_status_city;
    m.country = "UA";
    m.region = "Київ";
    m.names = {"Київ", "Kyiv", "Київ"};
    m.population = 2952301;
    m.location = GeoPoint{50.45, 30.5236};
    m.languages = {"uk"};
    return m;
}

inline std::vector<Municipality> sample_municipalities() {
    std::vector<Municipality> list = {
        kyiv_city(),
        hromada("UA63120270000028556", "Харківська", MunicipalityKind::city_hromada, "Харків", "Харківська", "Харківський", 1421125, 49.9923, 36.231, {}),
        hromada("UA51100270000073549", "Одеська", MunicipalityKind::city_hromada, "Одеса", "Одеська", "Одеський", 1010537, 46.4843, 30.7323, {}),
        hromada("UA48060150000071713", "Миколаївська", MunicipalityKind::city_hromada, "Миколаїв", "Миколаївська", "Миколаївський", 470011, 46.9759, 31.994, {}),
        hromada("UA74100390000073425", "Чернігівська", MunicipalityKind::city_hromada, "Чернігів", "Чернігівська", "Чернігівський", 282747, 51.4941, 31.2943, {}),
        hromada("UA56060470000086729", "Рівненська", MunicipalityKind::city_hromada, "Рівне", "Рівненська", "Рівненський", 251948, 50.6196, 26.2513, {}),
        hromada("UA46060250000025047", "Львівська", MunicipalityKind::city_hromada, "Львів", "Львівська", "Львівський", 777234, 49.842, 24.0316, {"Lemberg"}),
        hromada("UA12020010000033698", "Дніпровська", MunicipalityKind::city_hromada, "Дніпро", "Дніпропетровська", "Дніпровський", 971078, 48.468, 35.0418, {"Dnipropetrovsk", "Днепропетровск"}),
        hromada("UA35040210000014072", "Кропивницька", MunicipalityKind::city_hromada, "Кропивницький", "Кіровоградська", "Кропивницький", 228007, 48.5106, 32.2656, {"Kirovohrad", "Kirovograd", "Кировоград"}),
        hromada("UA23060070000082704", "Запорізька", MunicipalityKind::city_hromada, "Запоріжжя", "Запорізька", "Запорізький", 710052, 47.8508, 35.1183, {}),
        hromada("UA05020030000031457", "Вінницька", MunicipalityKind::city_hromada, "Вінниця", "Вінницька", "Вінницький", 387439, 49.232, 28.468, {}),
        hromada("UA18040190000029215", "Житомирська", MunicipalityKind::city_hromada, "Житомир", "Житомирська", "Житомирський", 263237, 50.2598, 28.6692, {}),
        hromada("UA73060610000066784", "Чернівецька", MunicipalityKind::city_hromada, "Чернівці", "Чернівецька", "Чернівецький", 269381, 48.2865, 25.9377, {}),
        hromada("UA68020110000071202", "Кам’янець-Подільська", MunicipalityKind::city_hromada, "Кам’янець-Подільський", "Хмельницька", "Кам’янець-Подільський", 107879, 48.688, 26.602, {}),
        hromada("UA32020010000093088", "Білоцерківська", MunicipalityKind::city_hromada, "Біла Церква", "Київська", "Білоцерківський", 217385, 49.797, 30.1158, {}),
        hromada("UA12060170000091033", "Криворізька", MunicipalityKind::city_hromada, "Кривий Ріг", "Дніпропетровська", "Криворізький", 606584, 47.9103, 33.3918, {}),
        hromada("UA44120110000010163", "Сєвєродонецька", MunicipalityKind::city_hromada, "Сєвєродонецьк", "Луганська", "Сєвєродонецький", 113323, 48.9479, 38.4936, {}),
        hromada("UA21100230000083101", "Ужгородська", MunicipalityKind::city_hromada, "Ужгород", "Закарпатська", "Ужгородський", 115449, 48.6224, 22.3023, {}),
        hromada("UA26040190000081578", "Івано-Франківська", MunicipalityKind::city_hromada, "Івано-Франківськ", "Івано-Франківська", "Івано-Франківський", 287550, 48.9225, 24.7103, {}),
        hromada("UA61040490000035010", "Тернопільська", MunicipalityKind::city_hromada, "Тернопіль", "Тернопільська", "Тернопільський", 227619, 49.5558, 25.5919, {}),
        hromada("UA65100150000057191", "Херсонська", MunicipalityKind::city_hromada, "Херсон", "Херсонська", "Херсонський", 317752, 46.6413, 32.6258, {}),
        hromada("UA68040470000053519", "Хмельницька", MunicipalityKind::city_hromada, "Хмельницький", "Хмельницька", "Хмельницький", 292889, 49.4196, 26.9794, {}),
        hromada("UA71080490000022110", "Черкаська", MunicipalityKind::city_hromada, "Черкаси", "Черкаська", "Черкаський", 270705, 49.4303, 32.0447, {}),
        hromada("UA07080170000013585", "Луцька", MunicipalityKind::city_hromada, "Луцьк", "Волинська", "Луцький", 236322, 50.7451, 25.3201, {}),
        hromada("UA14120210000056793", "Слов’янська", MunicipalityKind::city_hromada, "Слов’янськ", "Донецька", "Краматорський", 113097, 48.8523, 37.6058, {}),
        hromada("UA14120090000098500", "Краматорська", MunicipalityKind::city_hromada, "Краматорськ", "Донецька", "Краматорський", 180922, 48.7389, 37.5844, {}),
        hromada("UA14140050000020560", "Маріупольська", MunicipalityKind::city_hromada, "Маріуполь", "Донецька", "Маріупольський", 435176, 47.0958, 37.55, {}),
        hromada("UA59080270000073662", "Сумська", MunicipalityKind::city_hromada, "Суми", "Сумська", "Сумський", 267046, 50.912, 34.8028, {}),
        hromada("UA53080370000025447", "Полтавська", MunicipalityKind::city_hromada, "Полтава", "Полтавська", "Полтавський", 305539, 49.5897, 34.5508, {}),
        hromada("UA07060330000052414", "Рівненська", MunicipalityKind::village_hromada, "Рівне", "Волинська", "Ковельський", 5741, 51.2337, 23.7957, {}),
        hromada("UA46100110000018989", "Миколаївська", MunicipalityKind::city_hromada, "Миколаїв", "Львівська", "Стрийський", 32934, 49.5254, 23.9788, {}),
        hromada("UA35060210000019042", "Рівнянська", MunicipalityKind::village_hromada, "Рівне", "Кіровоградська", "Новоукраїнський", 10033, 48.245, 31.7477, {}),
        hromada("UA05080090000089922", "Чернівецька", MunicipalityKind::settlement_hromada, "Чернівці", "Вінницька", "Могилів-Подільський", 15196, 48.5407, 28.1221, {}),
        hromada("UA61040050000096355", "Білецька", MunicipalityKind::village_hromada, "Біла", "Тернопільська", "Тернопільський", 10735, 49.5852, 25.5798, {}),
        hromada("UA12020090000044548", "Миколаївська", MunicipalityKind::village_hromada, "Миколаївка", "Дніпропетровська", "Дніпровський", 6536, 48.3616, 34.6845, {}),
        hromada("UA32080110000056605", "Гостомельська", MunicipalityKind::settlement_hromada, "Гостомель", "Київська", "Бучанський", 30306, 50.5883, 30.2591, {}),
        hromada("UA32080070000050759", "Бучанська", MunicipalityKind::city_hromada, "Буча", "Київська", "Бучанський", 58286, 50.5503, 30.2107, {}),
        hromada("UA32080150000035443", "Ірпінська", MunicipalityKind::city_hromada, "Ірпінь", "Київська", "Бучанський", 73162, 50.5207, 30.2449, {}),
        hromada("UA32060050000030591", "Броварська", MunicipalityKind::city_hromada, "Бровари", "Київська", "Броварський", 119872, 50.5111, 30.79, {}),
        hromada("UA26040290000025886", "Солотвинська", MunicipalityKind::settlement_hromada, "Солотвин", "Івано-Франківська", "Івано-Франківський", 25848, 48.7055, 24.4236, {}),
        hromada("UA35040290000046019", "Соколівська", MunicipalityKind::village_hromada, "Соколівське", "Кіровоградська", "Кропивницький", 9946, 48.4735, 32.1923, {}),
        hromada("UA14040030000025138", "Волноваська", MunicipalityKind::city_hromada, "Волноваха", "Донецька", "Волноваський", 35564, 47.5984, 37.4999, {}),
        hromada("UA51020070000019684", "Знам’янська", MunicipalityKind::village_hromada, "Знам’янка", "Одеська", "Березівський", 8311, 47.0216, 30.2838, {}),
        hromada("UA56040270000014394", "Привільненська", MunicipalityKind::village_hromada, "Привільне", "Рівненська", "Дубенський", 5464, 50.464, 25.8096, {}),
        hromada("UA18060150000038188", "Народицька", MunicipalityKind::settlement_hromada, "Народичі", "Житомирська", "Коростенський", 9282, 51.2038, 29.0913, {}),
        hromada("UA12140010000024967", "Брагинівська", MunicipalityKind::village_hromada, "Богинівка", "Дніпропетровська", "Синельниківський", 3804, 48.4824, 36.3502, {}),
        hromada("UA12040050000057182", "Верхньодніпровська", MunicipalityKind::city_hromada, "Верхньодніпровськ", "Дніпропетровська", "Кам’янський", 36897, 48.6542, 34.3348, {}),
        hromada("UA05080050000023603", "Могилів-Подільська", MunicipalityKind::city_hromada, "Могилів-Подільський", "Вінницька", "Могилів-Подільський", 42154, 48.4425, 27.7991, {}),
        hromada("UA51020290000017926", "Чогодарівська", MunicipalityKind::village_hromada, "Чогодарівка", "Одеська", "Березівський", 2057, 47.3747, 30.0684, {}),
        hromada("UA61060370000081851", "Товстенська", MunicipalityKind::settlement_hromada, "Товсте", "Тернопільська", "Чортківський", 18074, 48.8449, 25.7259, {}),
        hromada("UA32140090000085800", "Калинівська", MunicipalityKind::settlement_hromada, "Калинівка", "Київська", "Фастівський", 16014, 50.2257, 30.2262, {}),
        hromada("UA12020070000057092", "Ляшківська", MunicipalityKind::village_hromada, "Ляшківка", "Дніпропетровська", "Дніпровський", 2040, 48.9986, 34.396, {}),
        hromada("UA23100070000026535", "Гуляйпільська", MunicipalityKind::city_hromada, "Гуляйполе", "Запорізька", "Пологівський", 18506, 47.6655, 36.2657, {}),
        hromada("UA59100030000078744", "Глухівська", MunicipalityKind::city_hromada, "Глухів", "Сумська", "Шосткинський", 37931, 51.6783, 33.9093, {}),
        hromada("UA61040350000078247", "Підволочиська", MunicipalityKind::settlement_hromada, "Підволочиськ", "Тернопільська", "Тернопільський", 18356, 49.5314, 26.1441, {}),
        hromada("UA46100170000077437", "Розвадівська", MunicipalityKind::village_hromada, "Розвадів", "Львівська", "Стрийський", 11906, 49.5031, 23.9582, {}),
        hromada("UA32080130000056481", "Дмитрівська", MunicipalityKind::village_hromada, "Дмитрівка", "Київська", "Бучанський", 19114, 50.4606, 30.1757, {}),
        hromada("UA21040170000092506", "Неліпинська", MunicipalityKind::village_hromada, "Неліпино", "Закарпатська", "Мукачівський", 5240, 48.5579, 23.0275, {}),
        hromada("UA14040150000099558", "Хлібодарівська", MunicipalityKind::village_hromada, "Хлібодарівка", "Донецька", "Волноваський", 11944, 47.4865, 37.4106, {}),
        hromada("UA32020170000020698", "Ставищенська", MunicipalityKind::settlement_hromada, "Ставище", "Київська", "Білоцерківський", 20274, 49.3897, 30.1921, {}),
        hromada("UA23080090000051553", "Мирненська", MunicipalityKind::settlement_hromada, "Мирне", "Запорізька", "Мелітопольський", 5374, 46.9465, 35.4405, {}),
        hromada("UA05100150000050790", "Тульчинська", MunicipalityKind::city_hromada, "Тульчин", "Вінницька", "Тульчинський", 43012, 48.673, 28.8569, {}),
        hromada("UA71040030000055285", "Вознесенська", MunicipalityKind::village_hromada, "Вознесенське", "Черкаська", "Золотоніський", 4916, 49.7584, 32.1612, {}),
        hromada("UA32020110000085875", "Медвинська", MunicipalityKind::village_hromada, "Медвин", "Київська", "Білоцерківський", 5418, 49.3859, 30.7806, {}),
        hromada("UA32060090000096236", "Зазимська", MunicipalityKind::village_hromada, "Зазим’я", "Київська", "Броварський", 9159, 50.5668, 30.6791, {}),
        hromada("UA21120210000094884", "Пилипецька", MunicipalityKind::village_hromada, "Пилипець", "Закарпатська", "Хустський", 7032, 48.6708, 23.3418, {}),
        hromada("UA21020050000065800", "Великоберезька", MunicipalityKind::village_hromada, "Великі Береги", "Закарпатська", "Берегівський", 6139, 48.2331, 22.7489, {}),
        hromada("UA32140110000089620", "Кожанська", MunicipalityKind::settlement_hromada, "Кожанка", "Київська", "Фастівський", 8167, 49.9712, 29.7537, {}),
        hromada("UA68060170000075276", "Нетішинська", MunicipalityKind::city_hromada, "Нетішин", "Хмельницька", "Шепетівський", 37537, 50.3338, 26.6497, {}),
        hromada("UA48020130000080862", "Казанківська", MunicipalityKind::settlement_hromada, "Казанка", "Миколаївська", "Баштанський", 14488, 47.8352, 32.8242, {}),
        hromada("UA12120010000087180", "Богданівська", MunicipalityKind::village_hromada, "Богданівка", "Дніпропетровська", "Павлоградський", 9553, 48.4947, 36.109, {}),
        hromada("UA68020130000052994", "Китайгородська", MunicipalityKind::village_hromada, "Китайгород", "Хмельницька", "Кам’янець-Подільський", 4157, 48.6464, 26.797, {}),
        hromada("UA46040070000032075", "Золочівська", MunicipalityKind::city_hromada, "Золочів", "Львівська", "Золочівський", 48822, 49.8057, 24.8989, {}),
        hromada("UA73040130000087963", "Новодністровська", MunicipalityKind::city_hromada, "Новодністровськ", "Чернівецька", "Дністровський", 10463, 48.5849, 27.4311, {}),
        hromada("UA48060270000044708", "Первомайська", MunicipalityKind::settlement_hromada, "Первомайське", "Миколаївська", "Миколаївський", 9225, 47.0395, 32.4399, {}),
        hromada("UA59040110000026694", "Охтирська", MunicipalityKind::city_hromada, "Охтирка", "Сумська", "Охтирський", 47642, 50.3115, 34.8869, {}),
        hromada("UA26080150000032640", "Отинійська", MunicipalityKind::settlement_hromada, "Отинія", "Івано-Франківська", "Коломийський", 19879, 48.7345, 24.8638, {}),
        hromada("UA21080050000056542", "Вільховецька", MunicipalityKind::village_hromada, "Вільхівці", "Закарпатська", "Тячівський", 12393, 48.1064, 23.7473, {}),
        foreign_city("PL-3088171", "Poznań", "Poznań", "Познань", "Greater Poland", 570352, 52.40692, 16.92993, {"Posen"}),
        foreign_city("PL-3093133", "Łódź", "Łódź", "Лодзь", "Łódź Voivodeship", 768755, 51.77058, 19.47395),
        foreign_city("PL-3094802", "Kraków", "Kraków", "Краків", "Lesser Poland", 755050, 50.06143, 19.93658, {"Cracow", "Krakau"}),
        foreign_city("PL-3081368", "Wrocław", "Wrocław", "Вроцлав", "Lower Silesia", 634893, 51.10286, 17.03006, {"Breslau"}),
        foreign_city("PL-3099434", "Gdańsk", "Gdańsk", "Гданськ", "Pomerania", 461865, 54.35227, 18.64912, {"Danzig"}),
        foreign_city("PL-756135", "Warszawa", "Warsaw", "Варшава", "Masovia", 1702139, 52.22977, 21.01178),
        foreign_city("DE-2867714", "München", "Munich", "Мюнхен", "Bavaria", 1260391, 48.13743, 11.57549),
        foreign_city("DE-2886242", "Köln", "Cologne", "Кельн", "North Rhine-Westphalia", 963395, 50.93333, 6.95),
        foreign_city("DE-2950159", "Berlin", "Berlin", "Берлін", "Berlin", 3426354, 52.52437, 13.41053),
        foreign_city("BE-2800866", "Bruxelles / Brussel", "Brussels", "Брюссель", "Brussels-Capital Region", 1019022, 50.85045, 4.34878),
        foreign_city("LV-456172", "Rīga", "Riga", "Рига", "Riga", 742572, 56.946, 24.10589),
        foreign_city("IE-2964574", "Baile Átha Cliath", "Dublin", "Дублін", "Leinster", 1024027, 53.33306, -6.24889),
        foreign_city("FI-658225", "Helsinki", "Helsinki", "Гельсінкі", "Uusimaa", 658864, 60.16952, 24.93545),
        foreign_city("AT-2761369", "Wien", "Vienna", "Відень", "Vienna", 1691468, 48.20849, 16.37208),
        foreign_city("CZ-3067696", "Praha", "Prague", "Прага", "Prague", 1165581, 50.08804, 14.42076),
        foreign_city("DK-2624652", "Århus", "Aarhus", "Орхус", "Central Jutland", 285273, 56.15674, 10.21076),
        foreign_city("IS-3413829", "Reykjavík", "Reykjavik", "Рейк'явік", "Capital Region", 118918, 64.13548, -21.89541),
        foreign_city("FO-2611396", "Tórshavn", "Torshavn", "Торсгавн", "Streymoy", 13200, 62.00973, -6.77164),
        foreign_city("HR-3202220", "Đakovo", "Dakovo", "Дяково", "Osijek-Baranja", 16875, 45.30833, 18.41056),
        foreign_city("TR-311665", "Iğdır", "Igdir", "Ігдир", "Iğdır", 101700, 39.92371, 44.045),
    };
    return list;
}

/// The sample as a registry, with a few partnerships: Kyiv-Poznań twinning, Lviv-Wrocław
/// memorandum, and a Kharkiv-Kraków project that has ended.
inline Registry sample_registry() {
    Snapshot snapshot;
    snapshot.revision = 1;
    snapshot.municipalities = sample_municipalities();
    auto partnership = [](std::string id, PartnershipKind kind, PartnershipStatus status, std::string a, std::string b) {
        Partnership p;
        p.id = std::move(id);
        p.kind = kind;
        p.status = status;
        p.parties = {{std::move(a), ""}, {std::move(b), ""}};
        p.title.en = p.id;
        return p;
    };
    snapshot.partnerships = {
        partnership("kyiv-poznan", PartnershipKind::twinning, PartnershipStatus::signed_, "UA80000000000093317", "PL-3088171"),
        partnership("lviv-wroclaw", PartnershipKind::memorandum, PartnershipStatus::active, "UA46060250000025047", "PL-3081368"),
        partnership("kharkiv-krakow", PartnershipKind::project_partnership, PartnershipStatus::ended, "UA63120270000028556", "PL-3094802"),
    };
    return Registry::from_snapshot(snapshot);
}

}  // namespace prd::test
