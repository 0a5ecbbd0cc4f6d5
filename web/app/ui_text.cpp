#include "app/ui_text.hpp"

#include <array>

namespace prd::web {
namespace {

struct Entry {
    Text id;
    const char* uk;
    const char* en;
};

// One row per label, in enum order (checked below), so a missing translation is a compile error.
constexpr std::array<Entry, static_cast<size_t>(Text::count_)> table{{
    {Text::app_title, "Партнерство для відновлення та розвитку", "Partnership for Recovery and Development"},
    {Text::app_short_title, "Партнерство громад", "Municipal partnerships"},
    {Text::language_toggle_hint, "Мова інтерфейсу", "Interface language"},
    {Text::loading, "Завантаження реєстру…", "Loading the registry…"},
    {Text::load_failed, "Не вдалося завантажити реєстр", "Could not load the registry"},
    {Text::retry, "Спробувати ще раз", "Try again"},
    {Text::filter_hint, "Фільтр: назва, країна, місце…", "Filter: name, country, place…"},
    {Text::clear, "Очистити", "Clear"},
    {Text::rows_shown, "Показано", "Shown"},
    {Text::col_native_name, "Назва рідною мовою", "Native name"},
    {Text::col_kind, "Тип", "Kind"},
    {Text::col_country, "Країна", "Country"},
    {Text::col_region, "Регіон", "Region"},
    {Text::col_population, "Населення", "Population"},
    {Text::col_partnerships, "Партнерства", "Partnerships"},
    {Text::col_title, "Назва", "Title"},
    {Text::col_parties, "Сторони", "Parties"},
    {Text::col_signed_on, "Підписано", "Signed on"},
    {Text::col_place, "Місце", "Place"},
    {Text::col_status, "Статус", "Status"},
    {Text::col_open_to_join, "Можна приєднатися", "Open to join"},
    {Text::yes, "так", "yes"},
    {Text::no, "ні", "no"},
    {Text::nothing_matches, "Нічого не знайдено.", "Nothing matches."},
    {Text::empty_registry, "У реєстрі ще немає записів.", "The registry has no records yet."},
    {Text::nav_find, "Пошук", "Find"},
    {Text::nav_partnerships, "Партнерства", "Partnerships"},
    {Text::nav_declarations, "Декларації та заклики", "Declarations & calls"},
    {Text::nav_community, "Моя громада", "My community"},
    {Text::nav_proposals, "Пропозиції", "Proposals"},
    {Text::nav_map, "Мапа й огляд", "Map & dashboard"},
    {Text::more, "Ще", "More"},
    {Text::search_hint, "Громада, місто, область… (/ — пошук)", "Hromada, city, region… (/ to search)"},
    {Text::filters, "Фільтри", "Filters"},
    {Text::any, "будь-яка", "any"},
    {Text::found, "Знайдено", "Found"},
    {Text::people, "осіб", "people"},
    {Text::show_more, "Показати ще", "Show more"},
    {Text::pop_lt10k, "до 10 тис.", "under 10,000"},
    {Text::pop_10k_50k, "10–50 тис.", "10,000–50,000"},
    {Text::pop_50k_250k, "50–250 тис.", "50,000–250,000"},
    {Text::pop_gt250k, "понад 250 тис.", "over 250,000"},
    {Text::frontline_filter, "Прифронтові (до 30 км)", "Frontline (within 30 km)"},
    {Text::ukraine_first, "Спершу громади України", "Ukrainian communities first"},
    {Text::reason_exact, "назва", "name"},
    {Text::reason_prefix, "початок назви", "start of the name"},
    {Text::reason_alias, "інша назва", "also known as"},
    {Text::reason_fuzzy, "схоже написання", "similar spelling"},
    {Text::back, "← Назад", "← Back"},
    {Text::not_found, "Не знайдено", "Not found"},
    {Text::not_found_explained, "За цією адресою нічого немає. Можливо, запис видалено або посилання неповне.", "There is nothing at this address. The record may have been removed, or the link is incomplete."},
    {Text::verified, "Підтверджено", "Verified"},
    {Text::not_verified, "Не підтверджено", "Not verified"},
    {Text::frontline, "Прифронтова", "Frontline"},
    {Text::not_open, "Не шукає партнерів", "Not looking for partners"},
    {Text::edit_profile, "Редагувати профіль", "Edit profile"},
    {Text::propose, "Запропонувати партнерство", "Propose a partnership"},
    {Text::facts, "Основні дані", "Facts"},
    {Text::area, "Площа", "Area"},
    {Text::coordinates, "Координати", "Coordinates"},
    {Text::border_distance, "До кордону з росією чи білоруссю", "To the border with russia or belarus"},
    {Text::languages, "Мови", "Languages"},
    {Text::aliases, "Інші назви", "Also known as"},
    {Text::needs_and_offers, "Потреби й пропозиції", "Needs and offers"},
    {Text::needs, "Потребує", "Needs"},
    {Text::offers, "Пропонує", "Offers"},
    {Text::not_stated, "не вказано", "not stated"},
    {Text::contacts, "Контакти", "Contacts"},
    {Text::website, "Вебсайт", "Website"},
    {Text::email, "Ел. пошта", "E-mail"},
    {Text::phone, "Телефон", "Phone"},
    {Text::person, "Контактна особа", "Contact person"},
    {Text::source, "Джерело", "Source"},
    {Text::updated, "Оновлено", "Updated"},
    {Text::attribution, "Дані: KSE Institute (KSE-Loc-Data-Hub), КАТОТТГ, OCHA, GeoNames, Wikidata, Вікіпедія, Natural Earth; повний перелік і ліцензії — у README та /api/v1/about.", "Data: KSE Institute (KSE-Loc-Data-Hub), KATOTTG, OCHA, GeoNames, Wikidata, Wikipedia, Natural Earth; the full list and licences are in the README and at /api/v1/about."},
    {Text::no_partnerships, "Партнерств у реєстрі ще немає.", "No partnerships in the registry yet."},
    {Text::announcements, "Оголошення", "Announcements"},
    {Text::no_announcements, "Оголошень поки немає.", "No announcements yet."},
    {Text::suggested_partners, "Пропоновані партнери", "Suggested partners"},
    {Text::suggestions_explained, "Підібрано за тим, що громада потребує й пропонує, за розміром, партнерами сусідів і відстанню.", "Matched by what the community needs and offers, its size, its neighbours' partners and distance."},
    {Text::no_suggestions, "Пропозицій немає: заповніть потреби й пропозиції громади, щоб їх отримати.", "No suggestions: fill in the community's needs and offers to get some."},
    {Text::score, "оцінка", "score"},
    {Text::why, "Чому", "Why"},
    {Text::c_needs, "Покриває наші потреби", "Covers our needs"},
    {Text::c_offers, "Потребує нашого", "Needs what we offer"},
    {Text::c_size, "Схожий розмір", "Similar size"},
    {Text::c_network, "Партнер сусідів", "Partner of neighbours"},
    {Text::c_country, "Бажана країна", "Preferred country"},
    {Text::c_distance, "Близькість", "Nearness"},
    {Text::distance, "Відстань", "Distance"},
    {Text::hide, "Сховати", "Hide"},
    {Text::decline, "Відхилити", "Decline"},
    {Text::event, "Подія", "Event"},
    {Text::areas, "Сфери", "Areas"},
    {Text::signatories, "Підписанти", "Signatories"},
    {Text::signatories_count, "підписантів", "signatories"},
    {Text::ask_to_join, "Попросити приєднатися", "Ask to join"},
    {Text::history, "Історія", "History"},
    {Text::open_declarations, "Спільні декларації, відкриті до приєднання", "Joint declarations open to join"},
    {Text::declarations_explained, "Декларації та угоди, до яких можуть приєднатися інші міста.", "Declarations and agreements other cities can join."},
    {Text::sign_in, "Увійти", "Sign in"},
    {Text::sign_in_first, "Увійдіть, щоб редагувати профіль своєї громади.", "Sign in to edit your community's profile."},
    {Text::signed_in_as, "Ви увійшли як", "Signed in as"},
    {Text::role, "Роль", "Role"},
    {Text::role_editor, "редактор громади", "community editor"},
    {Text::role_moderator, "модератор", "moderator"},
    {Text::role_admin, "адміністратор", "administrator"},
    {Text::token_label, "Ключ", "Token"},
    {Text::your_community, "Ваша громада", "Your community"},
    {Text::moderator_hint, "Ви можете редагувати профіль будь-якої громади: знайдіть її в пошуку.", "You can edit any community's profile: find it with Find."},
    {Text::sign_out, "Вийти", "Sign out"},
    {Text::already_signed_in, "Ви вже увійшли.", "You are signed in."},
    {Text::signin_explained, "Вставте ключ доступу, який вам видав адміністратор платформи.", "Paste the access token the platform's administrator gave you."},
    {Text::token_hint, "Ключ доступу (prd_…)", "Access token (prd_…)"},
    {Text::checking, "Перевіряємо ключ…", "Checking the token…"},
    {Text::token_refused, "Ключ не прийнято.", "The token was not accepted."},
    {Text::server_unreachable, "Сервер недоступний; спробуйте пізніше.", "The server cannot be reached; try again later."},
    {Text::token_kept_here, "Ключ зберігається лише в цьому браузері, доки ви не вийдете.", "The token is kept only in this browser until you sign out."},
    {Text::proposals_coming, "Чернетки пропозицій, вхідні та надіслані пропозиції з'являться тут у наступному випуску; вони працюватимуть і без зв'язку.", "Proposal drafts, the inbox and sent proposals arrive here in the next release; they will work offline too."},
    {Text::map_coming, "Мапа партнерств і огляд громад без партнерів з'являться тут у наступному випуску.", "The map of partnerships and the dashboard of communities without partners arrive here in the next release."},
    {Text::proposal_from, "Від", "From"},
    {Text::proposal_to, "Кому", "To"},
    {Text::not_your_community, "Ви можете редагувати лише профіль своєї громади.", "You can edit only your own community's profile."},
    {Text::names, "Назви", "Names"},
    {Text::name_uk, "Назва українською", "Name in Ukrainian"},
    {Text::name_en, "Назва англійською", "Name in English"},
    {Text::description, "Опис", "Description"},
    {Text::in_ukrainian, "Українською", "In Ukrainian"},
    {Text::in_english, "Англійською", "In English"},
    {Text::priority, "пріоритет", "priority"},
    {Text::remove, "Прибрати", "Remove"},
    {Text::add_sector, "Додати сферу…", "Add a sector…"},
    {Text::languages_hint, "Мови (коди ISO 639-1 через кому)", "Languages (ISO 639-1 codes, comma-separated)"},
    {Text::open_to_partners, "Відкрита до нових партнерів", "Open to new partners"},
    {Text::save, "Зберегти", "Save"},
    {Text::discard, "Скасувати зміни", "Discard changes"},
    {Text::saving, "Зберігаємо…", "Saving…"},
    {Text::saved, "Збережено.", "Saved."},
    {Text::not_saved, "Не збережено; ваш текст залишився у формі.", "Not saved; your text is still in the form."},
    {Text::fix_errors_first, "Виправте позначені поля, щоб зберегти.", "Fix the marked fields to save."},
    {Text::conflict_explained, "Поки ви редагували, хтось інший зберіг цей профіль. Для кожного поля оберіть, що залишити.", "Someone else saved this profile while you were editing. For each field, choose what to keep."},
    {Text::keep_mine, "Залишити моє", "Keep mine"},
    {Text::take_theirs, "Взяти збережене", "Take the stored one"},
    {Text::use_choices, "Застосувати вибір", "Use these choices"},
    {Text::text_version, "Текстова версія", "Text version"},
    {Text::foreign_partners, "Іноземні партнери", "Foreign partners"},
    {Text::foreign_yes, "є", "has some"},
    {Text::foreign_no, "ще немає", "none yet"},
    {Text::border_0_30, "до 30 км", "within 30 km"},
    {Text::border_30_100, "30–100 км", "30–100 km"},
    {Text::border_100, "понад 100 км", "over 100 km"},
    {Text::nav_declarations_short, "Декларації", "Declarations"},
    {Text::nav_community_short, "Громада", "Community"},
}};

constexpr bool table_in_enum_order() {
    for (size_t i = 0; i < table.size(); ++i) {
        if (static_cast<size_t>(table[i].id) != i) return false;
    }
    return true;
}
static_assert(table_in_enum_order(), "ui_text table rows must follow the Text enum order");

constexpr std::array<const char*, table.size() * 2> flatten() {
    std::array<const char*, table.size() * 2> out{};
    for (size_t i = 0; i < table.size(); ++i) {
        out[2 * i] = table[i].uk;
        out[2 * i + 1] = table[i].en;
    }
    return out;
}
constexpr auto all = flatten();

}  // namespace

std::string_view code(Lang lang) { return lang == Lang::uk ? "uk" : "en"; }

const char* tr(Text id, Lang lang) {
    const Entry& entry = table[static_cast<size_t>(id)];
    return lang == Lang::uk ? entry.uk : entry.en;
}

std::span<const char* const> all_texts() { return all; }

}  // namespace prd::web
