/**
 * Held-out homonym cases, batch 4: [query, text, whether it is the query's word]. Written and labelled by
 * meaning before the rules or the other tables were read; the first score is the honest unseen figure
 * (src/matching/README.md). Surnames, places, countries, companies and verb forms that share a form with
 * another word, in Russian and English.
 */
import type { HomonymCase } from "./homonym-cases.js";

/** Batch 4 of held-out homonym cases (bench/matching/quality.ts reports it as its own set). */
export const HOMONYM_HOLDOUT_4: readonly HomonymCase[] = [
  // Morozov (senator) / морозов, frosts (gen. pl.)
  ["Морозов", "Сенатор Морозов предложил обязать маркетплейсы проверять продавцов", true],
  ["Морозов", "МОРОЗОВ: ПРАВИТЕЛЬСТВУ СТОИТ ПОДДЕРЖАТЬ ЭКСПОРТЕРОВ ЗЕРНА", true],
  ["Морозов", "Матвиенко поддержала инициативу сенатора Морозова о маркировке лекарств", true],
  ["Морозов", "Урожай озимых в Поволжье пострадал от весенних морозов", false],
  ["Морозов", "Морозов не будет: синоптики пообещали москвичам теплый декабрь", false],

  // Rybakov (Yabloko leader) / рыбаков, fishermen (gen./acc. pl.)
  ["Рыбаков", "Лидер «Яблока» Рыбаков заявил о подготовке партии к выборам в Госдуму", true],
  ["Рыбаков", "ЦИК заверил список кандидатов «Яблока» во главе с Николаем Рыбаковым", true],
  ["Рыбаков", "Спасатели сняли со льдины в Финском заливе 20 рыбаков", false],
  ["Рыбаков", "РЫБАКОВ С ОТКОЛОВШЕЙСЯ ЛЬДИНЫ ЭВАКУИРОВАЛИ НА САХАЛИНЕ", false],

  // Komarov (envoy, ex-Roscosmos head) / комаров, mosquitoes (gen. pl.)
  ["Комаров", "Полпред Комаров провел совещание с губернаторами Приволжья", true],
  ["Комаров", "Госдума заслушала отчет Игоря Комарова о работе «Роскосмоса»", true],
  ["Комаров", "Жители Новосибирска пожаловались на нашествие комаров после паводка", false],
  ["Комаров", "Комаров, переносящих лихорадку Западного Нила, обнаружили в Волгограде", false],

  // Kuznetsov (official) / кузнецов, blacksmiths (gen. pl.)
  ["Кузнецов", "Вице-губернатор Кузнецов ушел в отставку по собственному желанию", true],
  ["Кузнецов", "Фестиваль кузнецов в Туле собрал мастеров из 30 регионов", false],
  ["Кузнецов", "Минтруд: промышленности не хватает сварщиков, токарей и кузнецов", false],

  // Tolstoy (Duma vice-speaker; the writer) / толстой, thick (adj., fem. oblique)
  ["Толстой", "Толстой: Госдума рассмотрит законопроект о мигрантах в весеннюю сессию", true],
  ["Толстой", "В Ясной Поляне открылась выставка рукописей Льва Толстого", true],
  ["Толстой", "Минздрав расширит скрининг рака толстой кишки на всех старше 45 лет", false],
  ["Толстой", "ТРАССУ М-4 ПОКРЫЛО ТОЛСТОЙ КОРКОЙ ЛЬДА ПОСЛЕ ЛЕДЯНОГО ДОЖДЯ", false],

  // Chaika (envoy, ex-prosecutor general) / чайка, seagull
  ["Чайка", "Полпред Чайка провел совещание по безопасности в Махачкале", true],
  ["Чайка", "Путин наградил Юрия Чайку орденом «За заслуги перед Отечеством»", true],
  ["Чайка", "Чайка-хохотунья впервые загнездилась в Подмосковье, сообщили орнитологи", false],

  // Kabanov (human-rights council member) / кабанов, wild boars (gen./acc. pl.)
  ["Кабанов", "Член СПЧ Кабанов призвал ужесточить проверку знания русского языка у мигрантов", true],
  ["Кабанов", "Кириллу Кабанову вручили благодарность президента", true],
  ["Кабанов", "В Псковской области разрешили отстрел кабанов из-за вспышки АЧС", false],
  ["Кабанов", "КАБАНОВ ЗАМЕТИЛИ В ЧЕРТЕ ГОРОДА ЖИТЕЛИ ВЛАДИВОСТОКА", false],

  // Oryol (city) / орёл, eagle
  ["Орёл", "В Орле открылся первый в регионе центр ядерной медицины", true],
  ["Орёл", "ОРЕЛ ВОШЕЛ В ДЕСЯТКУ ГОРОДОВ С САМЫМ ДОСТУПНЫМ ЖИЛЬЕМ", true],
  ["Орёл", "Степной орел вылупился в питомнике Окского заповедника", false],
  ["Орёл", "Орел с GPS-трекером долетел из Казахстана до Ирана", false],

  // Mirny (town in Yakutia) / мирный, peaceful
  ["Мирный", "В Мирном ввели режим ЧС из-за лесных пожаров", true],
  ["Мирный", "МИРНЫЙ ОСТАЛСЯ БЕЗ СВЕТА ИЗ-ЗА АВАРИИ НА ВИЛЮЙСКОЙ ГЭС", true],
  ["Мирный", "Кремль: мирный план по Украине требует серьезной доработки", false],
  ["Мирный", "Мирный процесс на Ближнем Востоке зашел в тупик, заявил генсек ООН", false],

  // Nakhodka (port city) / находка, a find
  ["Находка", "В Находке открыли новый угольный терминал", true],
  ["Находка", "НАХОДКА ЗАКУПИТ 20 НОВЫХ АВТОБУСОВ ДЛЯ ГОРОДСКИХ МАРШРУТОВ", true],
  ["Находка", "Находка археологов в Крыму изменит представления о скифах", false],
  ["Находка", "Палеонтологи рассказали о находке мумии пещерного львенка в Якутии", false],

  // Kurgan (city) / курган, burial mound
  ["Курган", "Курган вошел в число городов с самым дешевым жильем", true],
  ["Курган", "В Кургане ограничили подачу воды из-за аварии на водоводе", true],
  ["Курган", "Археологи раскопали курган скифского времени под Ростовом", false],
  ["Курган", "На Мамаевом кургане прошла акция «Свеча памяти»", false],

  // Chile (country) / чили, chili pepper
  ["Чили", "Землетрясение магнитудой 6,4 произошло у побережья Чили", true],
  ["Чили", "ЧИЛИ НАРАСТИЛА ДОБЫЧУ МЕДИ В ПЕРВОМ ПОЛУГОДИИ", true],
  ["Чили", "Поставки перца чили из Мексики подорожали на 30%", false],

  // Togo (country) / того, pronoun
  ["Того", "Президент Того прибыл в Москву с официальным визитом", true],
  ["Того", "ЦБ снизил ставку после того, как инфляция замедлилась", false],
  ["Того", "Того же мнения придерживаются в Минэкономразвития", false],

  // Panama (country) / панама, sun hat
  ["Панама", "Панама вышла из китайской инициативы «Пояс и путь»", true],
  ["Панама", "Госсекретарь США прибыл в Панаму на переговоры о канале", true],
  ["Панама", "Врачи посоветовали не выходить на солнце без панамы", false],
  ["Панама", "ПАНАМА И КРЕМ ОТ ЗАГАРА: РОСПОТРЕБНАДЗОР ДАЛ СОВЕТЫ ОТДЫХАЮЩИМ", false],

  // Rada (Ukraine's parliament) / рада, glad
  ["Рада", "Рада приняла закон о мобилизации во втором чтении", true],
  ["Рада", "ВЕРХОВНАЯ РАДА ПРОДЛИЛА ВОЕННОЕ ПОЛОЖЕНИЕ НА 90 ДНЕЙ", true],
  ["Рада", "«Рада, что все закончилось»: спасенная альпинистка рассказала о ночи в горах", false],
  ["Рада", "Захарова: Москва будет рада любым шагам Вашингтона к диалогу", false],

  // Pobeda (airline) / победа, victory
  ["Победа", "«Победа» откроет рейсы из Москвы в Стамбул", true],
  ["Победа", "ПОБЕДА ОТМЕНИЛА РЕЙСЫ ИЗ-ЗА ЗАКРЫТИЯ АЭРОПОРТОВ", true],
  ["Победа", "Победа «Спартака» в дерби вывела команду на первое место", false],
  ["Победа", "Путин поздравил ветеранов с 80-летием Победы", false],

  // Magnit (retailer) / магнит, magnet
  ["Магнит", "«Магнит» увеличил выручку на 20% в третьем квартале", true],
  ["Магнит", "Акции Магнита выросли после публикации отчетности", true],
  ["Магнит", "Китайские физики создали самый мощный резистивный магнит в мире", false],
  ["Магнит", "Калининград стал магнитом для туристов из центральной России", false],

  // Mir (payment system) / мир, world / peace
  ["Мир", "Платежную систему «Мир» подключат к банкоматам в Абхазии", true],
  ["Мир", "НСПК: число выпущенных карт Мир превысило 200 млн", true],
  ["Мир", "Мир находится на грани новой гонки вооружений, заявил генсек ООН", false],
  ["Мир", "Чемпионат мира по хоккею пройдет без сборной России", false],

  // Polyus (gold miner) / полюс, pole
  ["Полюс", "«Полюс» снизил производство золота на 10%", true],
  ["Полюс", "ПОЛЮС ВЫПЛАТИТ ДИВИДЕНДЫ ЗА ПЕРВОЕ ПОЛУГОДИЕ", true],
  ["Полюс", "Российские полярники достигли Южного полюса на вездеходах", false],
  ["Полюс", "Полюс холода: в Оймяконе зафиксировали минус 58 градусов", false],

  // Kommersant (newspaper) / коммерсант, businessman
  ["Коммерсант", "«Коммерсантъ»: правительство обсуждает повышение налогов для банков", true],
  ["Коммерсант", "Газета «Коммерсант» сменила главного редактора", true],
  ["Коммерсант", "В Москве задержан коммерсант, подозреваемый в даче взятки", false],

  // Oreshnik (missile system) / орешник, hazel
  ["Орешник", "Белоруссия получит комплекс «Орешник» до конца года", true],
  ["Орешник", "ОРЕШНИК ЗАСТУПИЛ НА БОЕВОЕ ДЕЖУРСТВО В БЕЛОРУССИИ", true],
  ["Орешник", "Морозы повредили орешник и плодовые сады на Кубани", false],
  ["Орешник", "Фермеры Краснодарского края заложили 500 гектаров орешника", false],

  // Grad (rocket launcher) / град, hail
  ["Град", "Расчет РСЗО «Град» уничтожил опорный пункт ВСУ, сообщили в Минобороны", true],
  ["Град", "Град размером с куриное яйцо повредил автомобили в Ставрополе", false],
  ["Град", "Синоптики предупредили о граде и шквалистом ветре в Москве", false],

  // сталь, steel / стали, became (past pl. of стать)
  ["сталь", "Цены на сталь в Китае упали до минимума с 2016 года", true],
  ["сталь", "Производство стали в России снизилось на 5% за полгода", true],
  ["сталь", "Москвичи стали чаще покупать подержанные электромобили", false],
  ["сталь", "СТАЛИ ИЗВЕСТНЫ ИМЕНА НОВЫХ ЧЛЕНОВ ПРАВИТЕЛЬСТВА", false],

  // печь, furnace / печь, to bake
  ["печь", "На ММК остановили доменную печь №5 на капремонт", true],
  ["печь", "Рабочего госпитализировали после выброса металла из печи", true],
  ["печь", "Пекарни Петербурга начнут печь хлеб по советским ГОСТам", false],
  ["печь", "Печь блины в парках Москвы на Масленицу научат шеф-повара", false],

  // сель, mudflow / сели, sat down (past pl. of сесть)
  ["сель", "Сель сошел на трассу в Кабардино-Балкарии", true],
  ["сель", "Сели перекрыли дорогу к горнолыжному курорту в Ингушетии", true],
  ["сель", "Делегации России и США сели за стол переговоров в Эр-Рияде", false],
  ["сель", "СЕЛИ НА МЕЛЬ: ДВА ТАНКЕРА ЗАСТРЯЛИ В КЕРЧЕНСКОМ ПРОЛИВЕ", false],

  // ель, spruce / ели, ate (past pl. of есть)
  ["ель", "Главную новогоднюю ель страны установили на Соборной площади Кремля", true],
  ["ель", "Короед уничтожил тысячи гектаров ели в Подмосковье", true],
  ["ель", "Отравившиеся в Махачкале ели шаурму в одном кафе", false],
  ["ель", "«Мы ели снег»: выжившие туристы рассказали о трех сутках в тайге", false],

  // стих, poem / стих, died down (past of стихнуть)
  ["стих", "Неизвестный стих Есенина нашли в архиве в Рязани", true],
  ["стих", "Школьница прочитала стих о блокаде на церемонии в Петербурге", true],
  ["стих", "Шторм в Сочи стих, пляжи снова открыли для купания", false],
  ["стих", "Ажиотажный спрос на гречку стих, заявили в Минсельхозе", false],

  // жгут, tourniquet / жгут, they burn (present of жечь)
  ["жгут", "В автомобильные аптечки добавят кровоостанавливающий жгут", true],
  ["жгут", "Жгут наложил прохожий: очевидцы спасли пострадавшего в ДТП", true],
  ["жгут", "Дачники в Подмосковье жгут сухую траву, несмотря на запрет", false],
  ["жгут", "ПРОТЕСТУЮЩИЕ В ТБИЛИСИ ЖГУТ ПОКРЫШКИ У ЗДАНИЯ ПАРЛАМЕНТА", false],

  // Turkey (country) / turkey (bird)
  ["Turkey", "Turkey's central bank raises key rate to 50%", true],
  ["Turkey", "TURKEY SAYS IT IS READY TO HOST RUSSIA-UKRAINE TALKS IN ISTANBUL", true],
  ["Turkey", "US turkey prices hit record ahead of Thanksgiving", false],
  ["Turkey", "Turkey farmers in Minnesota brace for new bird flu losses", false],

  // China (country) / china (porcelain)
  ["China", "China's exports beat forecasts in March despite tariffs", true],
  ["China", "CHINA RETALIATES WITH 34% TARIFFS ON ALL US GOODS", true],
  ["China", "Rare Ming dynasty china fetches $2 million at Hong Kong auction", false],
  ["China", "Royal Doulton owner to cut jobs as demand for fine china slumps", false],

  // Chile (country) / chile (pepper)
  ["Chile", "Chile's copper output falls 3% as Escondida slows", true],
  ["Chile", "Strong earthquake strikes off northern Chile, no tsunami threat", true],
  ["Chile", "New Mexico chile harvest shrinks as drought bites", false],

  // Nice (city) / nice (adjective), NICE (UK health agency)
  ["Nice", "Three killed in shooting in Nice, French police say", true],
  ["Nice", "Nice mayor moves to ban large cruise ships from city port", true],
  ["Nice", "Trump says it would be nice to get along with Russia", false],
  ["Nice", "NICE approves weight-loss drug for use on the NHS", false],

  // Reading (town) / reading (noun, verb)
  ["Reading", "Flooding closes roads in Reading as Thames bursts its banks", true],
  ["Reading", "Police cordon off Reading town centre after suspicious package found", true],
  ["Reading", "US reading scores fall to lowest level in decades", false],
  ["Reading", "Reading the Fed: markets price in two rate cuts this year", false],

  // Apple (company) / apple (fruit)
  ["Apple", "Apple shares fall after iPhone sales miss estimates", true],
  ["Apple", "EU fines Apple 500 million euros under Digital Markets Act", true],
  ["Apple", "Polish apple growers hit by severe spring frosts", false],
  ["Apple", "Apple harvest in Washington state expected to drop 10%", false],

  // Shell (company) / shell (artillery)
  ["Shell", "Shell beats profit forecasts on strong LNG trading", true],
  ["Shell", "SHELL SAYS IT HAS NO INTENTION OF MAKING AN OFFER FOR BP", true],
  ["Shell", "Artillery shell kills two in Donetsk, local authorities say", false],
  ["Shell", "Shell fragments hit residential building in Belgorod", false],

  // Target (retailer) / target (goal, object of attack)
  ["Target", "Target cuts annual sales forecast as shoppers pull back", true],
  ["Target", "Walmart and Target raise wages ahead of holiday season", true],
  ["Target", "ECB reaffirms 2% inflation target in strategy review", false],
  ["Target", "Target of drone attack was an oil depot, Ukraine says", false],

  // Visa (card network) / visa (travel permit)
  ["Visa", "Visa and Mastercard reach settlement with US merchants", true],
  ["Visa", "VISA BEATS QUARTERLY PROFIT ESTIMATES ON CROSS-BORDER SPENDING", true],
  ["Visa", "UK to raise visa fees for foreign workers", false],
  ["Visa", "Visa-free travel between China and Russia to start in September", false],

  // Intel (chipmaker) / intel (intelligence)
  ["Intel", "Intel to cut 15% of workforce in turnaround push", true],
  ["Intel", "US government takes 10% stake in Intel", true],
  ["Intel", "US resumes sharing intel with Ukraine after pause", false],

  // Trump (president) / trump (verb; trump card)
  ["Trump", "Trump says he will meet Putin in Alaska", true],
  ["Trump", "TRUMP SIGNS EXECUTIVE ORDER ON RECIPROCAL TARIFFS", true],
  ["Trump", "Security concerns trump privacy in new EU surveillance rules", false],
  ["Trump", "Rare earths are Beijing's trump card in trade talks, analysts say", false],

  // Cook (Fed governor; Apple CEO) / cook (noun, verb)
  ["Cook", "Fed Governor Cook sues to block her removal", true],
  ["Cook", "Apple CEO Cook meets Trump at White House", true],
  ["Cook", "Restaurants struggle to hire cooks amid immigration crackdown", false],
  ["Cook", "Cost to cook Thanksgiving dinner falls for third year, farm group says", false],

  // Hunt (UK politician) / hunt (search)
  ["Hunt", "Hunt says UK economy is turning a corner", true],
  ["Hunt", "Hunt unveils 2p cut to national insurance in spring budget", true],
  ["Hunt", "HUNT FOR SURVIVORS CONTINUES AFTER MYANMAR QUAKE", false],
  ["Hunt", "Police widen hunt for escaped prisoner in London", false],

  // Rice (Condoleezza) / rice (grain)
  ["Rice", "Condoleezza Rice warns against US isolationism", true],
  ["Rice", "India lifts ban on non-basmati rice exports", false],
  ["Rice", "Rice prices in Japan hit record high", false],

  // Musk (Elon) / musk (scent)
  ["Musk", "Musk's xAI raises $6 billion in new funding round", true],
  ["Musk", "MUSK SAYS TESLA WILL LAUNCH ROBOTAXIS IN AUSTIN IN JUNE", true],
  ["Musk", "Perfume makers turn to lab-made musk as natural supplies dwindle", false],

  // Jobs (Steve) / jobs (employment)
  ["Jobs", "Apple-1 computer signed by Steve Jobs sells for $400,000", true],
  ["Jobs", "US economy adds 150,000 jobs in October", false],
  ["Jobs", "JOBS DATA SENDS DOLLAR HIGHER", false],

  // Pence (former US vice president) / pence (currency)
  ["Pence", "Pence says he will not endorse Trump", true],
  ["Pence", "UK petrol prices fall by 2 pence a litre", false],

  // lead (metal) / lead (verb)
  ["lead", "Lead hits three-month high on LME as smelter shuts", true],
  ["lead", "China's lead exports jump in June", true],
  ["lead", "Republicans lead in early vote count in Pennsylvania", false],
  ["lead", "Nvidia leads tech rally on Wall Street", false],

  // steel (metal) / steel (verb)
  ["steel", "US doubles tariffs on steel imports to 50%", true],
  ["steel", "STEEL OUTPUT IN CHINA FALLS FOR THIRD MONTH", true],
  ["steel", "Investors steel themselves for volatile week ahead of Fed", false],

  // silver (metal) / Silver (NBA commissioner)
  ["silver", "Silver hits 13-year high as industrial demand booms", true],
  ["silver", "NBA's Adam Silver says league will study expansion", false],

  // crude (oil) / crude (adjective)
  ["crude", "Crude inventories rise more than expected, EIA says", true],
  ["crude", "Russia's seaborne crude exports hit four-month high", true],
  ["crude", "Minister apologizes for crude remarks about flood victims", false],

  // pound (sterling) / pound (verb, to bombard)
  ["pound", "Pound falls after weak UK retail sales", true],
  ["pound", "POUND HITS TWO-YEAR HIGH AGAINST THE DOLLAR", true],
  ["pound", "Russian missiles pound Kyiv overnight, killing three", false],
  ["pound", "Storms pound California coast, forcing evacuations", false],

  // won (Korean currency) / won (past of win), won't
  ["won", "South Korea's won weakens past 1,400 per dollar", true],
  ["won", "WON SLIDES AS POLITICAL CRISIS DEEPENS IN SEOUL", true],
  ["won", "Mamdani has won New York mayoral race, networks project", false],
  ["won", "Fed won't cut rates in June, Powell signals", false],
];
