"""The small grammar of official writing around a post: words, ranks, titles, names, office names.

Indonesian news names an official in a few fixed shapes, whatever the agency:

- post, then name: ``Kabid Humas Polda Kaltim, Kombes Pol Yusuf Sutejo, mengatakan``;
  ``Kapolres Dumai AKBP Angga F Herlambang`` (the rank separates); ``Presiden RI Joko Widodo``;
- name, then post: ``Suwandono, Kepala Seksi ... Kantor Imigrasi Wonosobo;``;
- ``selaku``: ``IPTU A. Maria Thelessy, S.Sos, selaku P.S Panit 2 Subdit 4 ...``.

An office name starts with a head word (``Polres``, ``Kejaksaan Negeri``, ``Dinas``, ``Satgas``,
``Kantor Imigrasi`` ...) and runs over capitalised words, abbreviations, numbers, bracketed
abbreviations and ``dan``/``serta`` before another capitalised word.

Everything here works on a short window of text after a regex hit, so the cost is linear in the
number of hits, not in the length of the article.

>>> [t[0] for t in tokens("Kombes Pol. Yusuf Sutejo, S.H., M.H. (Kabid)", 0, 44)]
['Kombes', 'Pol.', 'Yusuf', 'Sutejo', ',', 'S.H.', ',', 'M.H.', '(Kabid)']
"""

from __future__ import annotations

import re
import bisect
from functools import lru_cache

WEEKDAYS = {"Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Jum'at", "Sabtu", "Minggu"}
MONTHS = {"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"}
RANK_START = {"AKBP", "AKP", "Kombes", "Kompol", "Iptu", "IPTU", "Ipda", "IPDA", "Aiptu", "AIPTU", "Aipda", "Bripka",
              "Brigpol", "Briptu", "Bripda", "Irjen", "Brigjen", "Komjen", "Jenderal", "Kolonel", "Letkol", "Mayor",
              "Kapten", "Lettu", "Letda", "Mayjen", "Letjen", "Laksma", "Laksda", "Laksdya", "Marsma", "Marsda",
              "Marsdya", "Serka", "Serma", "Pelda", "Sertu", "Komisaris", "Ajun", "Brigadir", "Inspektur",
              "Laksamana", "Marsekal"}
CORPS = {"Inf", "Arm", "Art", "Kav", "Czi", "Cba", "Cpm", "Chb", "Ckm", "Cpl", "Caj", "Chk", "Cku", "Mar", "Lek", "Pnb",
         "Tek", "Adm", "Kes", "Nav", "Sus", "Pas"}
RANK_MORE = CORPS | {c + "." for c in CORPS} | {"Besar", "Jenderal", "Polisi", "Pol", "Pol.", "TNI", "Laut", "Udara", "(Purn)",
             "(purn)", "(Purn.)", "(P)", "Pertama", "Muda", "Madya", "Komisaris", "Besar"}
TITLES = {"Dr.", "Dr", "Drs.", "Drs", "Dra.", "Ir.", "Ir", "H.", "Hj.", "Prof.", "Prof", "dr.", "dr", "KH", "K.H.", "Hajah",
          "Haji", "Bapak", "Ibu", "Pak", "Bu"}
DEGREE_WORDS = {"SH", "MH", "MM", "SE", "SIK", "MSi", "MAP", "MA", "MT", "MKn", "SIP", "SSos", "SPd", "MPd", "ST",
                "MKes", "PhD", "SKom", "SHI", "MHum", "SAg", "MAg", "SKM", "MKM", "SKep", "SSi", "SSTP", "SStP", "STP",
                "MAk", "SAk", "SIKom", "MIKom", "SGz", "SFarm", "SPsi", "MPsi", "SHut", "SPt", "SPi", "MPH", "SKed", "SpOG",
                "MBA", "MSc", "LLM"}
STOP_CAPS = {"Di", "Dalam", "Menurut", "Sementara", "Selain", "Sebelumnya", "Pada", "Untuk", "Kemudian", "Hal", "Ia",
             "Dia", "Mereka", "Kami", "Saat", "Setelah", "Sejak", "Hingga", "Sebanyak", "Para", "Yang", "Namun",
             "Adapun", "Berdasarkan", "Terkait", "Selama", "Sepanjang", "Dari", "Ke", "Oleh", "Bersama", "Dengan",
             "Jalan", "Kecamatan", "Kabupaten", "Kota", "Provinsi", "Desa", "Kelurahan", "Bandara", "Pelabuhan",
             "Hotel", "Gedung", "Ruang", "Aula", "PT", "CV", "Indonesia", "Hadir", "Acara", "Kegiatan", "Rapat",
             "Sosialisasi", "Tahun", "Wita", "WIB", "WIT", "Dirinya", "Beliau", "Pihaknya", "Kasus", "Data", "Ketiga",
             "Kedua", "Keduanya", "Ketiganya", "Mantan", "Warga", "Petugas", "Polisi", "Jaksa", "Hakim", "Korban",
             "Tersangka", "Terdakwa", "Pelaku", "Baca", "Juga", "Foto", "Editor", "Penulis", "Laporan", "Wartawan",
             "Sumber", "Selanjutnya", "Lalu", "Tak", "Tidak", "Bahkan", "Sedangkan", "Atas", "Agar", "Bagi", "Tim",
             "Presiden", "Gubernur", "Menteri", "Bupati", "Wali", "Camat", "Lurah", "Satgas", "Sekda", "Republik",
             "RI", "NKRI", "Pemerintah", "Kabupaten", "Provinsi", "Kepulauan", "Pulau", "Kab.", "Kec.", "Prov.",
             "Kel.", "Daerah", "Wilayah"} | WEEKDAYS | MONTHS
# Directions end places' names ('Sumba Timur'), never persons'.
DIRECTIONS = {"Utara", "Selatan", "Barat", "Timur", "Tengah", "Tenggara", "Daya"}
# Words that end a place's name ('Maluku Utara', 'Jakarta Raya'): never the start of a name split off an office.
PLACE_ENDS = {"Utara", "Selatan", "Barat", "Timur", "Tengah", "Tenggara", "Daya", "Raya", "Jaya", "Besar", "Kota",
              "Baru", "Laut", "Darat", "Pusat", "Kepulauan", "Hulu", "Hilir", "Ilir", "Ulu", "Kidul", "Induk"}

# Ministers named by their short titles: complete posts ('Mendagri Tjahjo Kumolo', 'MenP2MI Abdul Kadir Karding').
MINISTERS = (r"Mendagri|Menlu|Menaker|Mensos|Menkumham|Menkum|Menimipas|MenPPPA|Menkes|MenP2MI|Menhan|Menkeu|Menag|"
             r"MenPAN-RB|Menpan|Menkominfo|Menhub|Menkopolhukam|Menkopmk")
# A post begins with one of these words; Plt./Plh./Pj. and "Wakil" may come before it.
POST_WORDS = (
    r"Kepala|Ketua|Sekretaris(?: Daerah)?|Direktur(?: Jenderal)?|Dirjen|Deputi|Asisten|Koordinator|Komandan|Panglima|"
    r"Kabid|Kasubbid|Kasubdit|Kasub|Kasubag|Kasubbag|Kasubsi|Kasat\w*|Kasi|Kabag|Kadis|Kadiv|"
    r"Karo(?:ops|penmas|psdm|sdm|rena|log|binops|wassidik|provos|paminal|pembinops)?|Kakanwil|Kakanim|"
    r"Kanit|Panit|Kaur|Kapolda|Kapolres\w*|Kapolsek|Kapolri|Kabareskrim|Kajati|Kajari|Kacabjari|Kakorbinmas|"
    r"Aspidum|Aspidsus|Asintel|Wakapolda|Wakapolres\w*|Wakapolri|Wakajati|Wakajari|Wakabareskrim|"
    r"Direskrim\w*|Waka (?:Polda|Polres\w*|Polsek)|"
    r"Dirreskrimum|Dirreskrimsus|Dirresnarkoba|Dirpolairud|Dirintelkam|Dirkrimum|Dir Reskrimum|Dir Reskrimsus|"
    r"Danramil|Dandim|Danrem|Danlanal|Danlantamal|Pangdam|Kalapas|Karutan|Kadisnaker\w*|Kadinsos|"
    r"Camat|Lurah|Bupati|Wali ?[Kk]ota|Walikota|Gubernur|Menteri|Wamen|Menko \w+|Presiden|Jaksa Agung(?! Muda)|"
    r"Staf Ahli|Irwasda|Kabid Humas|Sekjen|Sestama|Kasubdit \w+|Duta Besar|Dubes|Konsul Jenderal|Konjen|Konsul|"
    r"Jaksa Penuntut Umum|JPU|[Pp]erwakilan|[Jj]uru [Bb]icara|Jubir|"
    r"Pangko(?:armada|opsud|opsau|gabwilhan|armabar|armatim|lantamal|marmada)\w*|"
    r"Inspektur Wilayah|Irwil|Irbid|KSAL|KSAD|KSAU|Kasal|Kasad|Kasau|Danposal|Danguskamla|Danpomal|Danyonmarhanlan\w*|"
    rf"{MINISTERS}|Kakan|"
    r"Dosen|Rektor|Wakil Rektor|Dekan|Guru Besar|Kapus\w+|Kasipenkum|Kasipidum|Kasipidsus|Kasiintel|Kasidatun|"
    r"Atase|Kasdim|Kasrem|Kasdam|Danki|Kadis\w+|Kadin(?:sos|kes|kominfo|dik|hub)\w*|Kakesbangpol|Kaban\w+|Kalak|"
    r"Kasatpol\w*|Kakan\w+|"
    r"Sekda|Kasie|Katim|Kasatgas|Kaban|Kades|Wabup|Wagub|Wawali|Panitera|Dansatgas|Danyon|Danpos|Danlanud|"
    r"[Aa]nggota(?= (?:Komisi|DPR|DPRD|DPD|Dewan|Ombudsman|Komnas|KPAI|LPSK|Kompolnas|Bawaslu|KPU)(?![\w-]))"
)
POST_HEAD = re.compile(
    r"(?=[A-Zpja])(?<![\w-])(?<!Kanwil )(?<!Kantor )"
    r"(?:(?:Plt|Plh|PLT|PLH|Pj|Pjs)\.? |Pelaksana (?:[Hh]arian|[Tt]ugas)(?: \((?:Plh|Plt)\))? |Penjabat (?:\(Pj\.?\) )?)?(?:Wakil )?"
    rf"(?:{POST_WORDS})(?![\w-])")
# Posts that are complete without an office: "Presiden RI Joko Widodo", "Kapolri Listyo ...", "Menko Polhukam Mahfud MD".
STANDALONE = re.compile(rf"^(?:Wakil )?(?:Presiden|Kapolri|Wakapolri|Kabareskrim|Wakabareskrim|Jaksa Agung|Menko \w+"
                        rf"|{MINISTERS})$")

ORG_HEAD = re.compile(
    r"(?=[A-Z])(?<![\w-])(?<!Gedung )(?<!Ruang )(?<!Aula )(?<!Hotel )(?<!Wisma )(?<!Graha )(?<!Jalan )"
    r"(?:Kantor (?:Imigrasi|Wilayah|Kementerian)|Kanwil|Kanim|(?<!Dirjen )(?<!Jenderal )(?<!Kantor )(?<!Petugas )(?<!Atase )(?<!Pemeriksaan )Imigrasi(?= [A-Z0-9])|"
    r"Sat(?:reskrim|resnarkoba|polairud|intelkam|lantas|binmas|samapta|reskrimum|reskoba)\w*|"
    r"Direktorat(?: Jenderal)?|Ditjen|Ditreskrimum|Ditreskrimsus|Ditresnarkoba|Ditpolairud|Ditintelkam|"
    r"Ditpolair\w*|Korpolairud|Ditsamapta|Ditlantas|Ditbinmas|Ditpamobvit|Dittahti|Ditres\w+|"
    r"Ditkrimum|Ditkrimsus|Subdirektorat|Subbidang|Sub Bidang|Subbag|Subdit|"
    r"Unit Pelaksana Teknis(?: Daerah)?|Unit|Divisi|Satgas(?:da)?|Satuan Tugas|"
    r"Satuan(?= (?:Reserse|Intelijen|Lalu Lintas|Pembinaan|Samapta|Polisi Air))|Gugus Tugas|Tim(?= [A-Z])|Timpora|"
    r"Polda|Polres|Polresta|Polrestabes|Polsek|Polri|Polairud|(?<!Atase )Kepolisian(?: (?:Daerah|Resor|Sektor|Negara))?|"
    r"Mabes Polri|Bareskrim|Badan(?= [A-Z])|Balai(?= [A-Z])|Baharkam|"
    r"Kejaksaan(?: (?:Agung|Tinggi|Negeri))?|Kejagung|Kejati|Kejari|Jaksa Agung Muda|"
    r"Pengadilan(?: (?:Negeri|Tinggi|Agama))?|BP3MI|BP2MI|UPTD?(?= [A-Z])|Kementerian|Kemen[A-Za-z0-9]+|Kemnaker|"
    r"Kemlu|Pemerintah (?:Provinsi|Kabupaten|Kota|Daerah)|Pemprov|Pemkab|Pemkot|Pemda|"
    r"Dinas|Disnakertrans|Disnaker|Disperinakertrans|Dinsos|DP3A\w*|Disdukcapil|Dukcapil|Bakesbangpol|"
    r"DPRD|DPR|DPD|Rumah Detensi Imigrasi|Rudenim|Lapas|Rutan|Kodim|Korem|Kodam|Lantamal|Lanal|Lanud|"
    r"Bais TNI|TNI|Bakamla|BNN|BNP2TKI|Basarnas|Bea Cukai|(?:Perkumpulan|Serikat|Yayasan|DPC)(?= [A-Z])|Forkopimda|"
    r"Lembaga(?= [A-Z])|Komnas|KPAI|LPSK|IOM|Bank(?= [A-Z])|Bappeda|KBRI|KJRI|KP2MI|Konsulat Jenderal|"
    r"Kedutaan Besar|Mahkamah(?= [A-Z])|Ombudsman|Satpol PP|Komisi(?= [A-Z])|Pemerintah Desa|"
    r"TP PKK|PKK(?= [A-Z])|DPPPA\w*|DPPKB\w*|DPMD|DPMPTSP|Diskominfo|Dinkominfo|Dinkes|Dishub|Disdik|Disperindag|"
    r"Dispar|BPBD|Kesbangpol|Dispendukcapil|Sekretariat(?: Daerah| Jenderal| Utama)?(?= [A-Z])|Setda(?= [A-Z])|"
    r"Suku Dinas|Sudin(?= [A-Z])|UPPA|P2TP2A|UKK(?= [A-Z])|ULP(?= [A-Z])|"
    r"Pangkalan(?: Utama)? (?:TNI )?Angkatan (?:Laut|Udara)|Pangkalan TNI|Pos TNI AL|Posal(?= [A-Z])|Komando Armada|"
    r"Koarmada|Kogabwilhan|Koopsud\w*|Lantamal|Guskamla|Koarmabar|Koarmatim|"
    r"KPUD?|Bawaslu|Panwaslu|Inspektorat|BNNK|BNNP|Forum(?= [A-Z])|Forkopimcam|Forkopimka|Polisi Diraja Malaysia|PDRM|"
    r"Pos (?:Pelayanan|Layanan)(?= [A-Z])|P4MI|P3MI|LTSA|Konsulat(?= [A-Z])|Otoritas(?= [A-Z])|OJK|PPATK|KPK|BPOM|"
    r"BPK(?= [A-Z])|Sentra(?= [A-Z])|KSKP|Yonif|Batalyon(?= [A-Z0-9])|Partai(?= [A-Z]))(?![\w-])")
# Provinces and their usual short forms: after an office word they end the office ("Kepala BP3MI NTB Ponco").
PROVINCES = {
    "Aceh", "Sumut", "Sumbar", "Riau", "Kepri", "Jambi", "Sumsel", "Babel", "Bengkulu", "Lampung", "Banten", "DKI",
    "Jakarta", "Jabar", "Jateng", "DIY", "Jatim", "Bali", "NTB", "NTT", "Kalbar", "Kalteng", "Kalsel", "Kaltim",
    "Kaltara", "Sulut", "Gorontalo", "Sulteng", "Sulbar", "Sulsel", "Sultra", "Maluku", "Malut", "Papua", "Pabar",
    "Yogyakarta", "Jogja"}
PROVINCE_NAMES = ("Sumatera Utara", "Sumatera Barat", "Sumatera Selatan", "Kepulauan Riau", "Bangka Belitung",
                  "Kepulauan Bangka Belitung", "Jawa Barat", "Jawa Tengah", "Jawa Timur", "Nusa Tenggara Barat",
                  "Nusa Tenggara Timur", "Kalimantan Barat", "Kalimantan Tengah", "Kalimantan Selatan",
                  "Kalimantan Timur", "Kalimantan Utara", "Sulawesi Utara", "Sulawesi Tengah", "Sulawesi Barat",
                  "Sulawesi Selatan", "Sulawesi Tenggara", "Maluku Utara", "Papua Barat", "Papua Tengah",
                  "Papua Selatan", "Papua Pegunungan", "Papua Barat Daya", "DI Yogyakarta", "DKI Jakarta",
                  "Daerah Khusus Jakarta", "Daerah Khusus Ibukota Jakarta", "Daerah Istimewa Yogyakarta",
                  "Sumatra Utara", "Sumatra Barat", "Sumatra Selatan")
# Common words that are also surnames after a first name ('Lukmanul Hakim'), though never a name's first word.
SURNAMES = {"Hakim"}
NAME_PARTICLES = {"bin", "binti", "van", "der", "von", "de"}
# Balinese birth-order and caste names after 'I' or 'Ni' ('I Made Sudarma', 'Ni Luh Putu Ari'): a name begins there.
BALINESE_NAMES = {"Made", "Wayan", "Ketut", "Nyoman", "Putu", "Kadek", "Komang", "Gede", "Gusti", "Luh", "Nengah",
                  "Kade", "Dewa", "Ida"}
# Words that are common words elsewhere but begin a name before another name word ('Lalu Samsul Adnan', Sasak).
NAME_PREFIXES = {"Lalu"}
# Two-letter capitals that are not a person's initials.
NOT_INITIALS = {"RI", "TP", "AL", "AU", "AD", "PT", "CV", "UD", "KM", "KP", "MV", "SD", "PN", "PA", "KK", "HP", "WA",
                "TV", "DI", "UU", "PP", "SK", "BB", "BC", "BI", "OJ"}
# Words that begin a place's name ('Tanjung Priok', 'Muara Enim'): a name split off an office never starts there.
PLACE_STARTS = {"Tanjung", "Teluk", "Muara", "Sungai", "Tanah", "Kuala", "Labuhan", "Bandar", "Pangkal", "Bukit",
                "Gunung", "Rantau", "Tebing", "Padang", "Pematang", "Kepulauan", "Pulau", "Nusa", "Ujung", "Batu"}
# Words inside an office name that never end one ('Kantor Imigrasi Kelas I TPI' needs its place).
OFFICE_INNER = {"Kelas", "I", "II", "III", "TPI", "Khusus", "Non", "Utama", "Pratama", "Madya", "Bidang", "Seksi",
                "Sub", "Bagian", "Urusan"}
# Words that name the kind of place an office serves: 'Kabupaten Wakatobi', 'Provinsi Bengkulu'.
PLACE_KINDS = {"Kabupaten", "Kota", "Provinsi", "Kab.", "Prov."}
LOWER_PLACE_KINDS = {"kabupaten", "kota", "provinsi"}            # as some reporters write them inside an office name
# Units are offices only with their parent named: "Divisi Imigrasi" alone is a post's unit, not a body.
UNIT_HEADS = {"Subdit", "Unit", "Divisi", "Subdirektorat", "Subbidang", "Subbag"}
CONNECTORS = {"dan", "serta", "&"}
POST_CONNECTORS = CONNECTORS | {"untuk", "pada"}   # 'Duta Besar RI untuk Malaysia', 'Direktur X pada Jampidum'
# Posts abroad and at border posts run over 'di' + place ('Konsul Jenderal RI di Kota Kinabalu').
ABROAD_POSTS = re.compile(r"^(?:Wakil )?(?:Konsul Jenderal|Konjen|Konsul|Duta Besar|Dubes|Atase|Kepala Perwakilan|Kepala Pos)")
POST_CONNECTORS_ABROAD = POST_CONNECTORS | {"di"}
# Countries workers are sent to: places, never names ('Duta Besar RI untuk Malaysia Hermono').
COUNTRIES = {"Malaysia", "Singapura", "Brunei", "Kamboja", "Thailand", "Myanmar", "Filipina", "Vietnam", "Laos", "Taiwan",
             "Hongkong", "Jepang", "Korea", "Tiongkok", "China", "Arab", "Saudi", "Turki", "Qatar", "Dubai", "Oman", "Kuwait",
             "Yordania", "Mesir", "Irak", "Suriah", "Lebanon", "Australia", "Amerika", "Polandia", "Rusia"}
STOP_CAPS |= COUNTRIES
# Offices abroad are named for the place they serve: 'Kedutaan Besar Republik Indonesia (KBRI) untuk Ankara'.
ABROAD_HEADS = {"Kedutaan Besar", "KBRI", "KJRI", "Konsulat Jenderal", "Konsulat"}

NUMBER_RE = re.compile(r"\d[\w/-]*|[IVX]{1,4}")
DEGREE_RE = re.compile(r"(?:[A-Z][A-Za-z]{0,4}\.){1,3}(?:[A-Z][A-Za-z]{0,4}\.?)?")
TWO_DIGITS = re.compile(r"\d{2}")
PLAIN_RE = re.compile(r"[A-Z][a-z'’]+(?:-[A-Z]?[a-z'’]+)*")
INITIAL_RE = re.compile(r"[A-Z]\.?")
SHORT_CAPS_RE = re.compile(r"[A-Z]{2,3}")
HAJI_RE = re.compile(r"H\.(?:[A-Z]\.)+")
SPACED_DEGREE = re.compile(r"[SM]\. [A-Z][A-Za-z]{0,3}\.?")
# Abbreviated first names that keep their dot: 'Moh. Iqbal', 'Abd. Rahman'.
NAME_ABBREVS = {"Moh.", "Muh.", "Moch.", "Mochd.", "Mhd.", "Muhd.", "Abd.", "Ach."}
NOT_DEGREES = {"Plt.", "Plh.", "PLT.", "PLH.", "Pj.", "Pjs.", "Dr.", "Drs.", "Dra.", "Ir.", "Prof.", "Pol.", "Hj.", "No.",
               "Kab.", "Kec.", "Prov.", "Kel."} | NAME_ABBREVS | {c + "." for c in CORPS}
MULTI_INITIAL_RE = re.compile(r"(?:[A-Z]\.){2,3}")
DEGREE_INITIALS = {"S.H.", "M.H.", "S.E.", "M.M.", "S.T.", "M.T.", "S.I.K.", "S.P.", "S.S.", "S.IP.", "M.P."}
# A number followed by one of these counts something: 'Ditpolairud Polda Kepri 13 kasus' ends before it.
COUNT_NOUNS = {"kasus", "orang", "korban", "tersangka", "laporan", "perkara", "paspor", "pekerja", "calon", "warga",
               "kali", "hari", "bulan", "tahun", "persen", "berkas", "anak", "perempuan", "wanita", "pria", "unit",
               "kapal", "kilogram", "kg", "ton", "buah", "lokasi", "titik", "desa", "kecamatan"}
INITIALS_RE = re.compile(r"[A-Z]\.?|H\.(?:[A-Z]\.)+")
TOKEN = re.compile(r"\((?:[A-Z][\w'’.&/-]*)(?: [A-Za-z][\w'’.&/-]*){0,6}\)|\((?:purn|Purn)\.?\)"
                   r"|[SM]\. (?:Kom|Sos|Pd|Si|Ag|IP|IK|Kes|Hum|AP|Psi|Ak|Kep|Farm|T|E|H)\b\.?"   # 'S. Kom': a degree
                   r"|(?:Dr|Drs|Dra|Ir|Prof|Pol|Hj|dr|No|Plt|Plh|PLT|PLH|Pj|Pjs|Kab|Kec|Prov|Kel|Moh|Muh|Moch|Mochd"
                   r"|Mhd|Muhd|Abd|Ach|Inf|Arm|Art|Kav|Czi|Cba|Cpm|Chb|Ckm|Cpl|Caj|Chk|Cku|Mar|Lek|Pnb|Tek|Adm|Kes"
                   r"|Nav|Sus|Pas)\.(?!\w)"                                           # titles, places, corps keep their dot
                   r"|(?:[A-Za-z]{1,5}\.){2,}(?!\w)"                                 # 'S.H.', 'H.M.', 'S.STP.'
                   r"|[A-Z]\.(?!\w)"                                                 # an initial: 'A.'
                   r"|\w(?:[\w'’/&.-]*\w)?|[^\w\s]")


Tok = tuple          # (text, start, end): plain tuples, as an article has millions of them


class SentenceTokens:
    """The tokens of the sentence holding an offset, tokenised once per sentence (the last one is kept,
    as hits come in text order)."""

    def __init__(self, text: str, sents: list[tuple[int, int]]):
        self.article, self.sents, self.key, self.toks, self.starts = text, sents, None, [], []

    def at(self, offset: int, sentence: tuple[int, int]) -> tuple[list[Tok], int]:
        """(tokens of ``sentence``, index of the first token starting at or after ``offset``)."""
        if sentence != self.key:
            a, b = sentence if sentence[1] > sentence[0] else (offset, min(len(self.article), offset + 400))
            self.key, self.toks = sentence, tokens(self.article, a, b)
            self.starts = [t[1] for t in self.toks]
        i = bisect.bisect_left(self.starts, offset)
        if i == len(self.starts) or self.starts[i] != offset:      # inside a token: '(Satgas TPPO)'
            a, b = self.key if self.key[1] > self.key[0] else (offset, offset + 400)
            return self.toks[:i] + tokens(self.article, offset, max(offset, min(b, offset + 300))), i
        return self.toks, i


def tokens(text: str, start: int, end: int) -> list[Tok]:
    """The tokens of ``text[start:end]`` as (text, start, end); a word keeps its final '.' only when
    it is an initial, a title or a degree ('A.', 'Dr.', 'S.H.'), not when it ends a sentence."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text, start, end)]


def is_cap(word: str) -> bool:
    return word[:1].isupper()


def is_abbrev(word: str) -> bool:
    """An upper-case or mixed abbreviation: 'NTB', 'RI', 'KemenP2MI', 'TPI'."""
    return len(word) >= 2 and word[0].isupper() and sum(c.isupper() for c in word) >= 2 and "." not in word


def is_number(word: str) -> bool:
    """A number, a Roman numeral or a code: '2', 'IV', '0403/OKU', '1605/Belu'."""
    return NUMBER_RE.fullmatch(word) is not None


def is_degree(word: str) -> bool:
    """An academic degree written after a name: 'S.H.', 'M.Si', 'S.STP.', 'SH', 'S. Kom'."""
    if word in NOT_DEGREES:
        return False
    return (DEGREE_RE.fullmatch(word) is not None and len(word) > 2) \
        or word.rstrip(".") in DEGREE_WORDS or SPACED_DEGREE.fullmatch(word) is not None


def is_rank(toks: list[Tok], i: int) -> int:
    """How many tokens from ``i`` make a rank ('Kombes Pol.', 'Brigadir Jenderal Polisi'); 0 if none."""
    if i >= len(toks) or toks[i][0] not in RANK_START:
        return 0
    j = i + 1
    while j < len(toks) and (toks[j][0] in RANK_MORE or (toks[j][0].startswith("(") and is_rank_bracket(toks[j]))):
        j += 1
    return j - i


def is_rank_bracket(tok: Tok) -> bool:
    inner = tok[0][1:-1].split()
    return bool(inner) and inner[0] in RANK_START | {"Purn", "purn", "Purn."}


def office_tail(toks: list[Tok], i: int, limit: int = 24, connectors: set[str] = CONNECTORS) -> int:
    """The index after the office words that start at ``i``: capitalised words, abbreviations,
    numbers, bracketed abbreviations, and 'dan'/'serta' between capitalised words (not before
    another office or post). Stops at a rank, a title, a weekday, a month or punctuation."""
    j = i
    while j < len(toks) and j - i < limit:
        word = toks[j][0]
        if word == "," and j > i and comma_list_closes(toks, j):
            j += 1                                      # 'Dinas Pemberdayaan Perempuan, Perlindungan Anak dan KB (DP3AKB)'
            continue
        if word in LOWER_PLACE_KINDS and j > i and j + 1 < len(toks) and PLAIN_RE.fullmatch(toks[j + 1][0]):
            j += 1                                      # 'Badan Kesbangpol kabupaten Tanah Laut'
            continue
        if word in connectors:
            nxt = toks[j + 1][0] if j + 1 < len(toks) else ""
            into_office = word in {"pada", "untuk", "di"}      # 'Direktur X pada Jaksa Agung Muda ...'
            if j > i and is_cap(nxt) and (into_office or not starts_office(toks, j + 1)) \
                    and not starts_post(toks, j + 1) and nxt not in RANK_START and not is_bracket(nxt):
                j += 1
                continue
            break
        if is_bracket(word):
            if bracket_is_name_part(word):
                j += 1
                continue
            break
        if is_number(word) and word[:1].isdigit() and j + 1 < len(toks) and toks[j + 1][0] in COUNT_NOUNS:
            break
        if j > i and "." in word and is_degree(word) and not INITIAL_RE.fullmatch(word):
            break                                   # 'Kasi Intel M. Yongen Pangkei S.H,': the degree ends it
        if not (is_cap(word) or is_number(word)) or word in WEEKDAYS or word in MONTHS or word in TITLES \
                or (is_rank(toks, j) and not general_of(toks, j)) or word in {"Jl", "Jalan", "Nomor", "No", "No."}:
            break
        j += 1
    return j


def comma_list_closes(toks: list[Tok], j: int) -> bool:
    """True when the comma at ``j`` separates the sector words of one office name: capitalised words,
    commas and one 'dan' follow, then its abbreviation in brackets ('..., Perlindungan Anak dan Keluarga
    Berencana (DP3AKB)', 'Sub Bidang Remaja, Anak, dan Wanita (Renakta)') or the place it serves ('Dinas
    Koperasi, UMKM dan Tenaga Kerja Kabupaten Wakatobi'); a list of offices or a name after the comma is not that."""
    seen_and = False
    for n in range(j + 1, min(len(toks), j + 14)):
        word = toks[n][0]
        if is_bracket(word):
            return seen_and and n > j + 2 and bracket_is_name_part(word)
        if word in PLACE_KINDS:
            return seen_and and n > j + 3 and toks[n - 1][0] != "dan"
        if word == "dan":
            if seen_and:
                return False
            seen_and = True
        elif word == ",":
            continue
        elif not (PLAIN_RE.fullmatch(word) or is_abbrev(word)) or starts_office(toks, n) or starts_post(toks, n) \
                or word in RANK_START:
            return False
    return False


def general_of(toks: list[Tok], j: int) -> bool:
    """'Jenderal' in 'Direktorat Jenderal', 'Sekretaris Jenderal': part of the name, not a rank."""
    return toks[j][0] == "Jenderal" and j > 0 and toks[j - 1][0] in {
        "Direktorat", "Direktur", "Inspektorat", "Inspektur", "Sekretariat", "Sekretaris"}


def is_bracket(word: str) -> bool:
    return word.startswith("(") and word.endswith(")") and len(word) > 2


def bracket_is_name_part(word: str) -> bool:
    """'(Polres)', '(PPPA)', '(Kasi Inteldakim)': an abbreviation in brackets inside a name; not a date."""
    inner = word[1:-1]
    return bool(inner) and inner[0].isupper() and not TWO_DIGITS.search(inner) and inner.split()[0] not in WEEKDAYS


def starts_office(toks: list[Tok], i: int) -> bool:
    return i < len(toks) and toks[i][0][:1].isupper() and heads_at(tuple(t[0] for t in toks[i:i + 4]))[0]


def starts_post(toks: list[Tok], i: int) -> bool:
    return i < len(toks) and toks[i][0][:1].isupper() and heads_at(tuple(t[0] for t in toks[i:i + 4]))[1]


@lru_cache(maxsize=65536)
def heads_at(words: tuple[str, ...]) -> tuple[bool, bool]:
    """(an office name begins here, a post begins here) for the next words of a sentence."""
    joined = " ".join(words)
    return ORG_HEAD.match(joined) is not None, POST_HEAD.match(joined) is not None


def name_run(toks: list[Tok], i: int) -> int:
    """The index after a person's name starting at ``i`` (``i`` when there is none).

    A name is one to six capitalised words or initials ('A.', 'F', 'I'); a short upper-case word
    may end it ('Ramli HS'). Office, post, rank and calendar words are never names.
    """
    j = i
    while j < len(toks) and j - i < 6:
        word = toks[j][0]
        plain = PLAIN_RE.fullmatch(word) is not None
        initial = INITIAL_RE.fullmatch(word) is not None
        tail = j > i and SHORT_CAPS_RE.fullmatch(word) is not None and not is_degree(word)
        haji = j == i and (HAJI_RE.fullmatch(word) is not None or word in NAME_ABBREVS)   # 'H.M. Rahmattullah'
        haji = haji or (j == i and MULTI_INITIAL_RE.fullmatch(word) is not None and word not in DEGREE_INITIALS
                        and j + 1 < len(toks) and PLAIN_RE.fullmatch(toks[j + 1][0]) is not None)   # 'A.A. Raka'
        if word in NAME_PARTICLES and j > i and j + 1 < len(toks) and toks[j + 1][0][:1].isupper():
            j += 1
            continue
        haji = haji or (j == i and len(word) == 2 and word.isupper() and word not in NOT_INITIALS
                        and not is_number(word)
                        and j + 1 < len(toks) and PLAIN_RE.fullmatch(toks[j + 1][0]) is not None
                        and toks[j + 1][0] not in STOP_CAPS)                      # 'KA Halim'
        noble = j == i and word in NAME_PREFIXES and j + 1 < len(toks) \
            and PLAIN_RE.fullmatch(toks[j + 1][0]) is not None and toks[j + 1][0] not in STOP_CAPS
        month_inside = j > i and word in MONTHS and j + 1 < len(toks) and toks[j + 1][0] not in STOP_CAPS \
            and PLAIN_RE.fullmatch(toks[j + 1][0]) is not None            # 'Amur Chandra Juli Buana'
        surname = j > i and word in SURNAMES                        # 'Lukmanul Hakim', 'Arief Hakim'
        if not (plain or initial or tail or haji) or (word in STOP_CAPS and not (noble or month_inside or surname)) \
                or word in RANK_START \
                or word in TITLES or (j == i and word in RANK_MORE) or starts_post(toks, j) or starts_office(toks, j):
            break
        j += 1
        if tail and not (j < len(toks) and PLAIN_RE.fullmatch(toks[j][0]) and toks[j][0] not in STOP_CAPS
                         and not starts_post(toks, j) and not starts_office(toks, j)):
            break                               # 'Ramli HS' ends there; 'Ronald FC Sipayung' goes on
    if j > i and all(INITIALS_RE.fullmatch(t[0]) for t in toks[i:j]):
        return i                                # initials alone (suspects: 'JS', 'A.') are no name
    return j


def skip_titles(toks: list[Tok], i: int) -> int:
    """Skip a rank and titles before a name ('AKBP Dr.', 'H.', 'IPTU')."""
    while i < len(toks):
        n = is_rank(toks, i)
        if n:
            i += n
        elif toks[i][0] in TITLES:
            i += 1
        elif HAJI_RE.fullmatch(toks[i][0]):   # 'H.M.' = Haji M.
            break
        else:
            break
    return i


def skip_degrees(toks: list[Tok], i: int) -> int:
    """Skip ', S.H., M.H.' after a name; returns the index after the last degree."""
    j = i
    while j < len(toks):
        if j + 1 < len(toks) and toks[j][0] == "," and is_degree(toks[j + 1][0]):
            j += 2
        elif (j == i or is_degree(toks[j - 1][0])) and is_degree(toks[j][0]) and not INITIAL_RE.fullmatch(toks[j][0]):
            j += 1                              # 'Sigit Waseso S.H.,M.H', 'Zahwani S.H M.Si': degrees without a comma
        else:
            break
    return j


def skip_degrees_back(toks: list[Tok], end: int) -> int:
    """The index where ', S.H., M.H.' before ``end`` begins (``end`` when there are none)."""
    j = end
    while j >= 2 and is_degree(toks[j - 1][0]) and toks[j - 2][0] == ",":
        j -= 2
    if j >= 2 and is_degree(toks[j - 1][0]) and not INITIAL_RE.fullmatch(toks[j - 1][0]) \
            and PLAIN_RE.fullmatch(toks[j - 2][0]):
        j -= 1                                  # 'Sigit Waseso S.H., Kepala ...'
    return j


def name_text(text: str, toks: list[Tok], i: int, j: int) -> str:
    """The name's text with a leading 'H.' of 'H.M. Rahmattullah' dropped (a title, not an initial)."""
    words = [t[0] for t in toks[i:j]]
    if len(words) > 1 and words[0] in {"H", "Hj"}:
        words = words[1:]                       # 'H Hero Suprayetno': Haji without its dot
    if words and HAJI_RE.fullmatch(words[0]):
        words[0] = ". ".join(words[0][2:].rstrip(".").split(".")) + "."
    return " ".join(words)
