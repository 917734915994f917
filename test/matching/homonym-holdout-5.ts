/**
 * Held-out homonym cases, batch 5: [query, text, whether it is the query's word]. Written and labelled by
 * meaning before the rules or the other tables were read; the first score is the honest unseen figure
 * (src/matching/README.md). Surnames that are plural animal nouns, towns that are common nouns or
 * adjectives, retailers and developers named by common words, commodities and currencies that share
 * forms with verbs or other nouns, and English companies, countries and metals that are everyday words.
 */
import type { HomonymCase } from "./homonym-cases.js";

/** Batch 5 of held-out homonym cases (bench/matching/quality.ts reports it as its own set). */
export const HOMONYM_HOLDOUT_5: readonly HomonymCase[] = [
  // Volkov (politician) / волков, wolves (gen. pl.)
  ["Волков", "Суд заочно арестовал Леонида Волкова по делу о финансировании экстремизма", true],
  ["Волков", "В Якутии увеличили квоту на отстрел волков из-за нападений на оленей", false],
  ["Волков", "Волков стало вдвое больше: охотоведы Тверской области просят продлить сезон", false],

  // Zaitsev (official) / зайцев, hares (gen./acc. pl.)
  ["Зайцев", "Министр природных ресурсов области Андрей Зайцев отправлен в отставку", true],
  ["Зайцев", "Прокуратура проверит контракты, подписанные при мэре Зайцеве", true],
  ["Зайцев", "Охотничий сезон на зайцев в Подмосковье откроется 1 октября", false],

  // Kozlov (minister) / козлов, billy goats (gen. pl.)
  ["Козлов", "Путин поручил Козлову подготовить доклад о лесных пожарах в Сибири", true],
  ["Козлов", "КОЗЛОВ ОТВЕТИЛ НА КРИТИКУ ЭКОЛОГОВ ПО ДЕЛУ О ЗАГРЯЗНЕНИИ БАЙКАЛА", true],
  ["Козлов", "Фермер с Алтая продал стадо коз и козлов после подорожания кормов", false],

  // Orlov (human-rights activist) / орлов, eagles (gen. pl.)
  ["Орлов", "Суд приговорил правозащитника Олега Орлова к двум с половиной годам колонии", true],
  ["Орлов", "Орнитологи зафиксировали рост численности степных орлов в Оренбуржье", false],
  ["Орлов", "Гнёзда орлов-могильников обнаружили на трассе будущей ЛЭП в Татарстане", false],

  // Bykov (writer) / быков, bulls (gen. pl.)
  ["Быков", "Писателя Дмитрия Быкова внесли в реестр иностранных агентов", true],
  ["Быков", "Россия возобновила экспорт племенных быков в Казахстан и Узбекистан", false],
  ["Быков", "Фьючерсы на откормочных быков в Чикаго обновили исторический максимум", false],

  // Vorobyov (governor) / воробьёв, sparrows (gen. pl.)
  ["Воробьёв", "Встреча Путина и Воробьева прошла в Ново-Огарёве", true],
  ["Воробьёв", "Орнитологи: численность домовых воробьев в Москве упала на треть", false],

  // Solovyov (TV host) / соловьёв, nightingales (gen. pl.)
  ["Соловьёв", "Евросоюз ввёл санкции против Соловьёва и ещё двадцати журналистов", true],
  ["Соловьёв", "В парке Кусково открыли экотропу для наблюдения за пением соловьёв", false],

  // Melnikov (Duma deputy speaker) / мельников, millers (gen. pl.)
  ["Мельников", "Законопроект Мельникова о статусе «детей войны» внесён в Госдуму", true],
  [
    "Мельников",
    "В Вологодской области не осталось потомственных мельников: закрылась последняя водяная мельница",
    false,
  ],

  // Baranov (official) / баранов, rams (gen. pl.)
  ["Баранов", "Бывшему замминистра Баранову предъявили обвинение во взятке", true],
  ["Баранов", "Россия нарастила экспорт живых баранов в страны Персидского залива", false],

  // Karpov (chess champion, deputy) / карпов, carps (gen. pl.)
  ["Карпов", "Шахматная федерация поздравила Анатолия Карпова с юбилеем", true],
  ["Карпов", "ЛОВ КАРПОВ В ВОДОХРАНИЛИЩАХ ЗАПРЕТЯТ НА ВРЕМЯ НЕРЕСТА", false],

  // Zhukov (deputy speaker) / жуков, beetles (gen. pl.)
  ["Жуков", "Госдума поддержала поправки Жукова о налоговых льготах для IT-компаний", true],
  ["Жуков", "Колорадских жуков стало больше из-за тёплой весны, сообщили аграрии", false],

  // Peskov (Kremlin spokesman) / песков, sands (gen. pl.)
  ["Песков", "Пескову задали вопрос о возможной второй волне мобилизации", true],
  ["Песков", "Песков назвал разговоры о «зыбучих песках» переговоров домыслами", true],
  ["Песков", "Добыча кварцевых песков в Ленинградской области выросла на 12%", false],
  ["Песков", "Власти Якутии ограничили вывоз золотоносных песков с закрытых приисков", false],

  // Surkov (ex-Kremlin aide) / сурков, marmots (gen. pl.)
  ["Сурков", "Бывшего помощника президента Суркова заметили на форуме в Петербурге", true],
  ["Сурков", "Зоологи Алтая заявили о восстановлении популяции сурков после засухи", false],
  ["Сурков", "День сурка: сурок Фил из Пенсильвании предсказал раннюю весну", false],

  // Sokolov (ex-minister) / соколов, falcons (gen./acc. pl.)
  ["Соколов", "В АвтоВАЗе прокомментировали слова Соколова о возвращении «Приоры»", true],
  ["Соколов", "На границе с Казахстаном задержали контрабанду соколов-балобанов", false],
  ["Соколов", "Соколов начнут разводить в питомнике на Камчатке для экспорта в ОАЭ", false],

  // Chaika (ex-prosecutor general) / чайка, seagull
  ["Чайка", "Юрию Чайке вручили орден «За заслуги перед Отечеством»", true],
  ["Чайка", "Чайка разбила лобовое стекло самолёта при взлёте в Сочи", false],
  ["Чайка", "В Петербурге начали отпугивать чаек от крыш с помощью дронов", false],

  // Lavrov (foreign minister) / лавров, laurels (gen. pl.)
  ["Лавров", "Блинкен отказался от встречи с Лавровым на полях G20", true],
  ["Лавров", "Российская картина не снискала лавров на Каннском фестивале", false],

  // Kurgan (city) / курган, burial mound
  ["Курган", "В Кургане из-за паводка ввели режим чрезвычайной ситуации", true],
  ["Курган", "КУРГАН ОСТАЛСЯ БЕЗ ГОРЯЧЕЙ ВОДЫ ИЗ-ЗА АВАРИИ НА ТЭЦ", true],
  ["Курган", "Археологи нашли под Ростовом скифский курган с золотыми украшениями", false],
  ["Курган", "На Мамаевом кургане завершили реставрацию главного монумента", false],

  // Luga (town) / луга, meadows
  ["Луга", "В Луге открыли новый завод по производству абразивов", true],
  ["Луга", "Трассу под Лугой перекрыли из-за массового ДТП с участием фур", true],
  ["Луга", "Заливные луга в Астраханской области остались без воды из-за низкого паводка", false],
  ["Луга", "Луга и пастбища в Бурятии пострадали от нашествия саранчи", false],

  // Kovrov (town) / ковров, carpets (gen. pl.)
  ["Ковров", "Завод имени Дегтярёва в Коврове нарастил выпуск мотоциклов", true],
  ["Ковров", "Жители Коврова пожаловались на перебои с водоснабжением", true],
  ["Ковров", "Производство ковров в России выросло на 18% после ухода IKEA", false],

  // Klin (town) / клин, wedge
  ["Клин", "В Клину построят логистический центр площадью 100 тысяч квадратных метров", true],
  ["Клин", "Трассу М-11 у Клина закроют на ночь для ремонта путепровода", true],
  ["Клин", "Санкции вбили клин между Берлином и Парижем, пишет Politico", false],
  ["Клин", "Клин клином: Минфин предложил покрыть дефицит бюджета новым долгом", false],

  // Nakhodka (port city) / находка, a find
  ["Находка", "Порт Находка увеличил перевалку угля на 9% по итогам полугодия", true],
  ["Находка", "В Находке ввели режим ЧС из-за последствий тайфуна", true],
  ["Находка", "Уникальная находка: в Якутии обнаружили мамонтёнка с сохранившейся шерстью", false],

  // Mirny (diamond town) / мирный, peaceful
  ["Мирный", "В Мирном завершили строительство нового аэровокзала", true],
  ["Мирный", "АЛРОСА сократила добычу алмазов на рудниках под Мирным", true],
  ["Мирный", "МИРНЫЙ ПРОЦЕСС В КАРАБАХЕ ЗАШЁЛ В ТУПИК, ЗАЯВИЛИ В ЕРЕВАНЕ", false],
  ["Мирный", "Мирный атом: Росатом подписал соглашение о строительстве АЭС в Узбекистане", false],

  // Apatity (town) / апатиты, apatite ores
  ["Апатиты", "В Апатитах запустят новую котельную вместо угольной ТЭЦ", true],
  ["Апатиты", "Жители Апатитов пожаловались на выбросы обогатительной фабрики", true],
  ["Апатиты", "Экспорт апатитов и фосфоритов из России вырос на 7%", false],
  ["Апатиты", "Кольские апатиты подорожали на фоне высокого спроса на удобрения", false],

  // Nikel (settlement) / никель, nickel
  ["Никель", "В посёлке Никель закрыли плавильный цех «Норникеля»", true],
  ["Никель", "Жители Никеля получат компенсации за переезд в Заполярный", true],
  ["Никель", "Цены на никель на LME обновили годовой максимум", false],
  ["Никель", "Индонезия нарастила экспорт никеля в Китай на четверть", false],

  // никель, the metal / Nikel (settlement)
  ["никель", "Никель подешевел на 5% после новостей о квотах в Индонезии", true],
  ["никель", "Норникель снизил прогноз производства никеля на 2025 год", true],
  ["никель", "В Никеле открыли новый физкультурно-оздоровительный комплекс", false],
  ["никель", "Власти Мурманской области расселят посёлок Никель к 2030 году", false],

  // Oryol (city) / орёл, eagle
  ["Орёл", "В Орле ограничат въезд грузовиков в центр города", true],
  ["Орёл", "Краснокнижный орёл попал в капкан браконьеров в Туве", false],
  ["Орёл", "Двуглавый орёл вернётся на шпиль вокзала после реставрации", false],

  // Svobodny (town) / свободный, free
  ["Свободный", "Газохимический комплекс под Свободным выйдет на полную мощность в 2026 году", true],
  ["Свободный", "В Свободном построят жильё для работников Амурского ГПЗ", true],
  ["Свободный", "ЦБ сохранит свободный курс рубля, заявила Набиуллина", false],
  ["Свободный", "Свободный порт Владивосток расширят на новые районы Приморья", false],

  // Lenta (retailer) / лента, ribbon, feed
  ["Лента", "«Лента» увеличила выручку в третьем квартале на 25%", true],
  ["Лента", "Акции «Ленты» подскочили после объявления о выкупе бумаг", true],
  ["Лента", "Telegram запустил новую ленту рекомендаций для каналов", false],
  ["Лента", "Лента новостей: главное к утру 14 марта", false],

  // Polyus (gold miner) / полюс, pole
  ["Полюс", "«Полюс» снизил прогноз добычи золота на 2025 год", true],
  ["Полюс", "Дивиденды «Полюса» за полугодие составят 90 рублей на акцию", true],
  ["Полюс", "Атомный ледокол впервые дошёл до Северного полюса в декабре", false],
  ["Полюс", "Полюс холода сместился: в Оймяконе зафиксировали минус 58 градусов", false],

  // Pobeda (airline) / победа, victory
  ["Победа", "Авиакомпания «Победа» откроет прямые рейсы из Казани в Сочи", true],
  ["Победа", "Пассажиры «Победы» смогут бесплатно провозить ручную кладь до 10 кг", true],
  ["Победа", "Победа «Зенита» в дерби вывела клуб на первое место", false],

  // Perekrestok (supermarket chain) / перекрёсток, crossroads
  ["Перекрёсток", "X5 откроет 200 новых супермаркетов «Перекрёсток» в регионах", true],
  ["Перекрёсток", "В магазинах «Перекрёстка» появятся кассы самообслуживания нового типа", true],
  ["Перекрёсток", "На перекрёстке в центре Казани столкнулись автобус и грузовик", false],
  ["Перекрёсток", "Мировая экономика оказалась на перекрестке, заявила глава МВФ", false],

  // Samolet (developer) / самолёт, aircraft
  ["Самолёт", "Девелопер «Самолёт» разместил облигации на 10 млрд рублей", true],
  ["Самолёт", "Акции «Самолёта» упали на 8% после отчёта о продажах", true],
  ["Самолёт", "Самолёт со 150 пассажирами экстренно сел в Екатеринбурге", false],
  ["Самолёт", "Росавиация проверит самолёты «Уральских авиалиний» после инцидента", false],

  // Etalon (developer) / эталон, standard, benchmark
  ["Эталон", "Группа «Эталон» увеличила продажи недвижимости на 40%", true],
  ["Эталон", "Совет директоров «Эталона» одобрил редомициляцию компании в Россию", true],
  ["Эталон", "Росстандарт утвердил новый государственный эталон единицы времени", false],
  ["Эталон", "Brent остаётся эталоном для мировых цен на нефть, считают аналитики", false],

  // сталь, steel / стали, became
  ["сталь", "Выплавка стали в России в январе снизилась на 6%", true],
  ["сталь", "ЕС продлил защитные пошлины на импорт стали ещё на два года", true],
  ["сталь", "Банки стали чаще отказывать заёмщикам в ипотеке, сообщил ЦБ", false],
  ["сталь", "Стали известны условия новой льготной программы для IT-компаний", false],

  // мука, flour / мука, torment
  ["мука", "Россия нарастила экспорт пшеничной муки в Афганистан", true],
  ["мука", "Хлебозаводы пожаловались на резкий рост цен на муку", true],
  ["мука", "Муки выбора: инвесторы не знают, куда вложить сбережения после снижения ставки", false],
  ["мука", "Пассажиры рассказали о муках 12-часового ожидания вылета в Шереметьеве", false],

  // печь, furnace / печь, to bake
  ["печь", "Авария на доменной печи остановила выпуск чугуна на Урале", true],
  ["печь", "Производители промышленных печей получат льготные кредиты", true],
  ["печь", "Мини-пекарни обязали печь хлеб по новому ГОСТу", false],

  // стекло, glass / стекло, flowed down
  ["стекло", "Производство листового стекла в России выросло на 10%", true],
  ["стекло", "Топливо из повреждённого резервуара стекло в реку, сообщили в МЧС", false],

  // лук, onion / лук, bow; Лука, name
  ["лук", "Цены на репчатый лук выросли за неделю на 7%", true],
  ["лук", "Россия ограничит импорт лука из Узбекистана", true],
  ["лук", "Сборная России по стрельбе из лука допущена к чемпионату мира", false],
  ["лук", "Лука Модрич продлил контракт с «Реалом» ещё на год", false],

  // вино, wine / вина, guilt
  ["вино", "Импорт вина в Россию сократился на 15% после повышения пошлин", true],
  ["вино", "Российским винам дадут приоритет на полках магазинов", true],
  ["вино", "Вина пилота в катастрофе доказана, заявили в МАК", false],
  ["вино", "Суд признал вину экс-мэра в получении взятки", false],

  // белок, protein / белок, squirrels (gen./acc. pl.)
  ["белок", "В Калужской области запустят завод по производству растительного белка", true],
  ["белок", "В Нескучном саду начали подкармливать белок после морозной зимы", false],
  ["белок", "Численность белок в Сибири сократилась из-за неурожая кедрового ореха", false],

  // хлопок, cotton / хлопок, bang (gas explosion)
  ["хлопок", "Узбекистан сократил экспорт хлопка-сырца на 20%", true],
  ["хлопок", "Хлопок газа в жилом доме в Балашихе: пострадали двое", false],
  ["хлопок", "ХЛОПОК В ТРАНСФОРМАТОРНОЙ БУДКЕ ОБЕСТОЧИЛ ПОЛГОРОДА", false],

  // лом, scrap metal / лом, crowbar
  ["лом", "Экспортную пошлину на лом чёрных металлов продлили до конца года", true],
  ["лом", "Заготовители лома пожаловались на падение закупочных цен", true],
  ["лом", "Мужчина с ломом напал на посетителей кафе в Саратове", false],

  // уран, uranium / Уран, planet
  ["уран", "США запретили импорт обогащённого урана из России", true],
  ["уран", "NASA предложило отправить зонд к Урану в 2030-х годах", false],
  ["уран", "Уран и Нептун оказались ближе по составу, чем считалось", false],

  // лира, Turkish lira / лира, lyre
  ["лира", "Турецкая лира обновила исторический минимум к доллару", true],
  ["лира", "ЦБ Турции повысил ставку для поддержки лиры", true],
  ["лира", "В Эрмитаже покажут древнегреческую лиру из раскопок в Крыму", false],

  // реал, Brazilian real / «Реал», football club
  ["реал", "Курс реала к доллару упал до минимума с 2021 года", true],
  ["реал", "«Реал» обыграл «Барселону» и возглавил турнирную таблицу", false],
  ["реал", "«РЕАЛ» ЗАПЛАТИТ ЗА ТРАНСФЕР ПОЛУЗАЩИТНИКА 100 МЛН ЕВРО", false],

  // сом, Kyrgyz som / сом, catfish
  ["сом", "Нацбанк Киргизии продал $50 млн для поддержки сома", true],
  ["сом", "Киргизский сом укрепился к рублю на 3%", true],
  ["сом", "Рыбаки поймали в Волге сома весом 120 килограммов", false],

  // гривна, hryvnia / гривна, neck ring (archaeology)
  ["гривна", "Нацбанк Украины ослабил официальный курс гривны", true],
  ["гривна", "Археологи нашли в Новгороде серебряную гривну XII века", false],
  ["гривна", "Шейная гривна скифского вождя ушла с молотка за 2 млн долларов", false],

  // крона, krona / крона, tree crown
  ["крона", "Курс норвежской кроны упал вслед за ценами на нефть", true],
  ["крона", "Крона упавшего дерева оборвала провода в центре Ярославля", false],
  ["крона", "Коммунальщики начали обрезку крон деревьев на улицах Москвы", false],

  // Shell (oil major) / shell, artillery shell, shell company
  ["Shell", "Shell beats profit forecasts on strong LNG trading", true],
  ["Shell", "Shell's Nigerian onshore exit approved by regulator", true],
  ["Shell", "Artillery shell hits apartment block in Donetsk, officials say", false],
  ["Shell", "Prosecutors say shell companies were used to dodge oil sanctions", false],

  // Apple (company) / apple, the fruit
  ["Apple", "Apple's iPhone sales in China fall 19% in first quarter", true],
  ["Apple", "Polish apple growers struggle as export markets shrink", false],
  ["Apple", "Apples and pears lead rise in UK food inflation", false],

  // Target (retailer) / target, goal; targeted
  ["Target", "Target's quarterly profit beats estimates on lower costs", true],
  ["Target", "Bank of England keeps 2% inflation target under review", false],
  ["Target", "Targeted sanctions hit Russian shadow fleet shipping network", false],

  // Gap (retailer) / gap
  ["Gap", "Gap's new CEO plans store closures in North America", true],
  ["Gap", "US trade gap widens to record on surge in imports", false],
  ["Gap", "GENDER PAY GAP IN UK FINANCE SECTOR NARROWS SLIGHTLY", false],

  // Visa (payments company) / visa, travel document
  ["Visa", "Visa's payments volume growth slows in fiscal fourth quarter", true],
  ["Visa", "Thailand extends visa-free stays for Russian tourists to 90 days", false],
  ["Visa", "Schengen states tighten visa rules for Russian citizens", false],

  // Amazon (company) / Amazon, rainforest and river
  ["Amazon", "Amazon to invest $10 billion in Ohio data centres", true],
  ["Amazon", "Amazon's cloud unit posts fastest growth in two years", true],
  ["Amazon", "Deforestation in the Brazilian Amazon falls to six-year low", false],

  // Next (UK retailer) / next
  ["Next", "Next raises profit guidance after strong summer trading", true],
  ["Next", "Next's online sales jump as UK clothing retailer gains market share", true],
  ["Next", "Next week's Fed meeting seen as key test for markets", false],

  // Orange (telecoms group) / orange, the fruit
  ["Orange", "Orange's Spanish merger with MasMovil cleared by EU", true],
  ["Orange", "Orange juice futures hit record as Florida crop shrinks", false],
  ["Orange", "Brazil's orange harvest seen falling 24% on citrus greening disease", false],

  // Intel (chipmaker) / intel, intelligence
  ["Intel", "Intel's foundry business posts $7 billion operating loss", true],
  ["Intel", "US to resume sharing intel with Ukraine, officials say", false],

  // Delta (airline) / delta, river mouth
  ["Delta", "Delta's flight cancellations draw federal investigation", true],
  ["Delta", "Rising seas threaten rice farms in the Mekong delta", false],
  ["Delta", "Niger Delta oil spill forces pipeline shutdown", false],

  // Chad (country) / Chad, first name
  ["Chad", "Chad orders French troops to leave by end of January", true],
  ["Chad", "Chad's junta leader sworn in as president after disputed vote", true],
  ["Chad", "Former homeland security chief Chad Wolf joins lobbying firm", false],

  // Guinea (country) / Papua New Guinea; guinea pig
  ["Guinea", "Guinea's junta suspends licence of major bauxite exporter", true],
  ["Guinea", "Papua New Guinea declares emergency after deadly landslide", false],
  ["Guinea", "Fund managers say they will not be guinea pigs for new crypto rules", false],

  // lead, the metal / lead, to be ahead
  ["lead", "Lead prices climb to one-year high on battery demand", true],
  ["lead", "Lead's discount to zinc narrows as battery makers restock", true],
  ["lead", "Republicans lead in three swing states, poll shows", false],

  // tin, the metal / tins, cans
  ["tin", "Tin hits two-year high as Myanmar mine halt tightens supply", true],
  ["tin", "Tin's rally pauses as Indonesia resumes exports", true],
  ["tin", "UK shoppers stockpile tins of tomatoes amid price fears", false],

  // steel, the metal / to steel oneself
  ["steel", "EU extends safeguard duties on steel imports until 2026", true],
  ["steel", "Outokumpu sees weaker demand for stainless steels in Europe", true],
  ["steel", "Markets steel themselves for another Fed rate hike", false],

  // copper, the metal / coppers, police officers
  ["copper", "Copper rallies to record above $11,000 a tonne", true],
  ["copper", "Copper's surge lifts Chilean peso to three-month high", true],
  ["copper", "Coppers to wear body cameras on every shift under new Met plan", false],

  // cotton, the fibre / Cotton, US senator
  ["cotton", "Cotton futures fall as US crop outlook improves", true],
  ["cotton", "Cotton's slump deepens as Chinese mills cut purchases", true],
  ["cotton", "Senator Cotton urges sanctions on Chinese drone makers", false],

  // Reading (English town) / reading, parliamentary reading; reading, interpreting
  ["Reading", "Police evacuate streets in Reading after unexploded bomb found", true],
  ["Reading", "Reading's town centre to get £50m regeneration", true],
  ["Reading", "Duma passes foreign agents bill in first reading", false],
  ["Reading", "Reading the Fed: what Powell's remarks mean for rates", false],
];
