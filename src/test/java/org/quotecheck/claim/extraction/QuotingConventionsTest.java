package org.quotecheck.claim.extraction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One test per quoting convention, on short texts written for it. */
class QuotingConventionsTest {

    private static List<ExtractedClaim> quotes(String body) {
        return ClaimExtractor.extract(body).stream().filter(c -> c.type().isQuote()).toList();
    }

    @Test
    void splitQuoteGivesOneSpeakerForBothParts() {
        List<ExtractedClaim> q = quotes("Mayor Dana Whitfield spoke on Monday.\n\"We will open the bridge,\" Whitfield said. \"It is safe.\"");
        assertThat(q).extracting(ExtractedClaim::text).containsExactly("We will open the bridge", "It is safe.");
        assertThat(q).extracting(ExtractedClaim::speaker).containsOnly("Dana Whitfield");
    }

    @Test
    void speakerAfterTheVerbDropsTitlesAndRoles() {
        List<ExtractedClaim> q = quotes("“Sales doubled,” said the company’s chief executive, Jonas Berg.\n"
                + "“We are hiring,” said Council Member Ana Ruiz.\n“Trust the data,” said Dr. Mei Lin, a statistician.");
        assertThat(q).extracting(ExtractedClaim::speaker).containsExactly("Jonas Berg", "Ana Ruiz", "Mei Lin");
    }

    @Test
    void shortFormsAndPronounsResolveToTheFullName() {
        List<ExtractedClaim> q = quotes("Prime Minister Sanae Takaichi met reporters.\nTakaichi said, “It went well.”\n"
                + "She added, “We will meet again.”");
        assertThat(q).extracting(ExtractedClaim::speaker).containsExactly("Sanae Takaichi", "Sanae Takaichi");
    }

    @Test
    void speakerInThePreviousSentence() {
        List<ExtractedClaim> q = quotes("Senator Elena Marsh took the floor. She said:\n“This is the wrong bill.”");
        assertThat(q).singleElement().satisfies(c -> {
            assertThat(c.speaker()).isEqualTo("Elena Marsh");
            assertThat(c.type()).isEqualTo(ClaimType.DIRECT_QUOTE);
        });
    }

    @Test
    void quoteOverSeveralParagraphsIsOneClaim() {
        String body = "Governor Ray Holt said:\n“First paragraph of the statement.\n“Second paragraph, and the end.”";
        assertThat(quotes(body)).singleElement().satisfies(c -> {
            assertThat(c.text()).startsWith("First paragraph").endsWith("and the end.");
            assertThat(c.speaker()).isEqualTo("Ray Holt");
        });
    }

    @Test
    void nestedSingleQuotesArePartOfTheQuoteAndApostrophesAreNotQuotes() {
        String body = "“They called it a ‘reset’ and it’s the company’s best year since the ’90s,” Sofia Reyes said.";
        assertThat(quotes(body)).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("They called it a ‘reset’ and it’s the company’s best year since the ’90s");
            assertThat(c.speaker()).isEqualTo("Sofia Reyes");
        });
        assertThat(quotes("It's the company's plan for the '90s and the council's budget.")).isEmpty();
    }

    @Test
    void singleQuotesAsQuotesOfTheirOwn() {
        assertThat(quotes("‘We are ready,’ Henrik Dahl said.")).singleElement()
                .satisfies(c -> assertThat(c.text()).isEqualTo("We are ready"));
    }

    @Test
    void guillemetsAndCornerBrackets() {
        assertThat(quotes("La ministre Claire Dubois a déclaré : « Nous sommes prêts. »")).singleElement()
                .satisfies(c -> assertThat(c.text()).isEqualTo("Nous sommes prêts."));
        assertThat(quotes("佐藤健二社長は「協力を続けます」と述べた。")).singleElement()
                .satisfies(c -> assertThat(c.text()).isEqualTo("協力を続けます"));
    }

    @Test
    void scareQuotesKeepANullSpeaker() {
        assertThat(quotes("Mayor Dana Whitfield left early. The so-called “reform” package failed.")).singleElement()
                .satisfies(c -> {
                    assertThat(c.type()).isEqualTo(ClaimType.PARTIAL_QUOTE);
                    assertThat(c.speaker()).isNull();
                });
    }

    @Test
    void ellipsesStayInsideTheQuote() {
        assertThat(quotes("“We tried … and we failed,” said Tom Okafor.")).singleElement()
                .satisfies(c -> assertThat(c.text()).isEqualTo("We tried … and we failed"));
    }

    @Test
    void reportedSpeechWithAccordingToAndSaidThat() {
        List<ExtractedClaim> claims = ClaimExtractor.extract(
                "Mayor Dana Whitfield said that the city would hire 12 firefighters.");
        assertThat(claims).filteredOn(c -> c.type() == ClaimType.INDIRECT_QUOTE).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("the city would hire 12 firefighters");
            assertThat(c.speaker()).isEqualTo("Dana Whitfield");
            assertThat(c.cue()).isEqualTo("said");
        });
        assertThat(ClaimExtractor.extract("Analysts said that the market would recover."))
                .noneMatch(c -> c.type() == ClaimType.INDIRECT_QUOTE);
    }

    @Test
    void koreanQuotesEndWithAParticleAndAVerbAfterThem() {
        List<ExtractedClaim> q = quotes("이재명 대통령은 30일 경주에서 기자들에게 “한일 관계는 새로운 단계에 들어섰다”고 말했다. "
                + "그는 “양국이 함께 미래를 준비해야 한다”라고 강조했다.\n외교부는 “회담은 45분간 진행됐다”고 밝혔다.");
        assertThat(q).extracting(ExtractedClaim::text).containsExactly("한일 관계는 새로운 단계에 들어섰다",
                "양국이 함께 미래를 준비해야 한다", "회담은 45분간 진행됐다");
        assertThat(q).extracting(ExtractedClaim::type).containsOnly(ClaimType.DIRECT_QUOTE);
        assertThat(q).extracting(ExtractedClaim::speaker).containsExactly("이재명", "이재명", "외교부");
        assertThat(q).extracting(ExtractedClaim::cue).containsExactly("말했다", "강조했다", "밝혔다");
    }

    @Test
    void japaneseQuotesInCornerBracketsEndWithToAndAVerb() {
        List<ExtractedClaim> q = quotes("会談後、高市早苗首相は記者団に対し「当初は20分の予定だったが、45分に及んだ」と述べた。"
                + "彼女は「率直な意見交換ができた」と語った。外務省は『未来志向の関係』を強調した。");
        assertThat(q).extracting(ExtractedClaim::text).containsExactly("当初は20分の予定だったが、45分に及んだ",
                "率直な意見交換ができた", "未来志向の関係");
        assertThat(q).extracting(ExtractedClaim::speaker).containsExactly("高市早苗", "高市早苗", null);
        assertThat(q).extracting(ExtractedClaim::type).containsExactly(ClaimType.DIRECT_QUOTE, ClaimType.DIRECT_QUOTE,
                ClaimType.PARTIAL_QUOTE);
    }

    @Test
    void chineseSpeakersBeforeOrAfterTheQuote() {
        List<ExtractedClaim> q = quotes("王毅外长表示：“中方愿同各方加强沟通。”\n“我们反对任何形式的保护主义，”他说。");
        assertThat(q).extracting(ExtractedClaim::speaker).containsExactly("王毅", "王毅");
    }

    @Test
    void aScriptWithoutRulesGetsItsQuotesButNoGuessedSpeaker() {
        List<ExtractedClaim> q = quotes("ראש העיר אמר: „אנחנו נפתח את הגשר במאי.“");
        assertThat(q).singleElement().satisfies(c -> assertThat(c.speaker()).isNull());
        assertThat(Script.of("ראש העיר אמר")).isEqualTo(Script.HEBREW);
        assertThat(Script.HEBREW.speakersResolved()).isFalse();
        assertThat(Script.of("高市首相は「…」と述べた")).isEqualTo(Script.JAPANESE);
        assertThat(Script.of("이재명 대통령은")).isEqualTo(Script.HANGUL);
    }

    @Test
    void aQuoteWithinAQuoteStaysInsideIt() {
        List<ExtractedClaim> q = quotes("“She called the plan “a disaster” before the vote,” Whitfield said.");
        assertThat(q).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("She called the plan “a disaster” before the vote");
            assertThat(c.speaker()).isEqualTo("Whitfield");
        });
    }

    @Test
    void hebrewGermanAndFrenchMarks() {
        assertThat(quotes("ראש העיר אמר: ”נפתח את הגשר במאי.“")).extracting(ExtractedClaim::text)
                .containsExactly("נפתח את הגשר במאי.");
        assertThat(quotes("Die Bürgermeisterin sagte: „Wir öffnen die Brücke im Mai.“")).extracting(ExtractedClaim::text)
                .containsExactly("Wir öffnen die Brücke im Mai.");
        assertThat(quotes("La maire a déclaré : « Nous ouvrirons le pont en mai. »")).extracting(ExtractedClaim::text)
                .containsExactly("Nous ouvrirons le pont en mai.");
        // An English closing mark after a space is not an opening one.
        assertThat(quotes("“We are ready, ” she said, ”really.")).extracting(ExtractedClaim::text).containsExactly("We are ready");
    }

    @Test
    void aSpeakerIntroducedInTheSentenceBeforeTheQuoteParagraph() {
        List<ExtractedClaim> q = quotes("The project's chief engineer, Tomás Reyes, described the repairs at a public hearing.\n\n"
                + "“We replaced every cable on the north span. The bridge is safe.”");
        assertThat(q).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ClaimType.DIRECT_QUOTE);
            assertThat(c.speaker()).isEqualTo("Tomás Reyes");
        });
    }

    @Test
    void aQuoteThatGoesOnOverParagraphsAfterItsAttributionKeepsItsSpeaker() {
        List<ExtractedClaim> q = quotes("Mayor Dana Whitfield opened the meeting.\n\n“We will open the bridge in May,” Whitfield said."
                + "\n\n“The work is done.\n\n“We are ready.”\n\nThe council met later.");
        assertThat(q).extracting(ExtractedClaim::text).containsExactly("We will open the bridge in May",
                "The work is done.\n\n“We are ready.");
        assertThat(q).extracting(ExtractedClaim::speaker).containsOnly("Dana Whitfield");
    }

    @Test
    void aNewParagraphAfterAnotherSentenceIsNotGivenTheEarlierSpeaker() {
        List<ExtractedClaim> q = quotes("“We will open the bridge in May,” Whitfield said. The council then moved on to fares.\n\n"
                + "“Nobody asked us,” a resident shouted from the back.");
        assertThat(q.get(1).speaker()).isNotEqualTo("Whitfield");
    }

    @Test
    void aReportedClauseEndsBeforeTheReportersWords() {
        List<ExtractedClaim> reported = ClaimExtractor.extract("Mayor Dana Whitfield said that the budget was balanced, a charge"
                + " the council's auditor rejected.").stream().filter(c -> c.type() == ClaimType.INDIRECT_QUOTE).toList();
        assertThat(reported).singleElement().satisfies(c -> {
            assertThat(c.text()).isEqualTo("the budget was balanced");
            assertThat(c.speaker()).isEqualTo("Dana Whitfield");
        });
    }

    @Test
    void theViewOfAnUnnamedGroupIsAStatementToCheck() {
        List<ExtractedClaim> all = ClaimExtractor.extract("Analysts noted that the relationship is not common in their"
                + " post-war history.");
        assertThat(all).singleElement().satisfies(c -> {
            assertThat(c.type()).isEqualTo(ClaimType.STATEMENT);
            assertThat(c.text()).startsWith("Analysts noted that");
        });
    }

    @Test
    void aQuoteFromSomeonesSummaryIsMarkedAsSuch() {
        List<ExtractedClaim> q = quotes("President Lee Jae Myung met the press.\nAccording to a summary of Lee Jae Myung’s speech"
                + " provided by his office, he mentioned at the start of the summit: “We need to strengthen our cooperation.”");
        assertThat(q).singleElement().satisfies(c -> {
            assertThat(c.speaker()).isEqualTo("Lee Jae Myung");
            assertThat(c.cue()).isEqualTo("summary by his office");
        });
    }

    @Test
    void organisationsAndDocumentsSpeakToo() {
        List<ExtractedClaim> q = quotes("In a statement, the contractor, Kessler Marine, blamed the delays on the weather."
                + " According to the statement, “the storms cost us six weeks.”\n"
                + "According to the report, “the pier is unsafe.”\n"
                + "“We will review the contract,” the Ministry of Transport said.");
        assertThat(q).extracting(ExtractedClaim::speaker).containsExactly("Kessler Marine", "the report", "Ministry of Transport");
        assertThat(q).extracting(ExtractedClaim::speakerKind).containsExactly(SpeakerKind.ORGANISATION, SpeakerKind.DOCUMENT,
                SpeakerKind.ORGANISATION);
        assertThat(q.get(0).cue()).isEqualTo("according to the statement");
        assertThat(SpeakerKind.of("Dana Whitfield")).isEqualTo(SpeakerKind.PERSON);
        assertThat(SpeakerKind.of("외교부")).isEqualTo(SpeakerKind.ORGANISATION);
        assertThat(SpeakerKind.of("外務省")).isEqualTo(SpeakerKind.ORGANISATION);
    }

    @Test
    void aCommaBeforeTheClosingMarkIsTheArticlesNotTheSpeakers() {
        String body = "“We will appeal,” said Dana Whitfield. “Will we win?” she asked. “Yes.”";
        assertThat(quotes(body)).extracting(ExtractedClaim::text).containsExactly("We will appeal", "Will we win?", "Yes.");
        ExtractedClaim first = quotes(body).get(0);
        assertThat(body.substring(first.start(), first.end())).isEqualTo("We will appeal");
        assertThat(body.charAt(first.end())).isEqualTo(',');
        assertThat(quotes("王文涛说：“我们反对任何形式的保护主义，”他说。")).extracting(ExtractedClaim::text)
                .containsExactly("我们反对任何形式的保护主义");
    }

    @Test
    void namedEventsAndReceptionsAreCheckableWithoutNumbers() {
        List<String> statements = ClaimExtractor.extract("The council approved the Harbor Line extension. "
                        + "The plan has surprised many observers. The weather was pleasant and everyone was cheerful. "
                        + "The talks went well. Residents approved of the idea.")
                .stream().filter(c -> c.type() == ClaimType.STATEMENT).map(ExtractedClaim::text).toList();
        assertThat(statements).containsExactly("The council approved the Harbor Line extension",
                "The plan has surprised many observers");
    }

    @Test
    void reportedSpeechAroundAQuotedFragmentAndAfterAnotherVerb() {
        List<ExtractedClaim> reported = ClaimExtractor.extract("Finance director Raj Malhotra told analysts that the "
                        + "provision was “prudent”. Trust chairwoman Lorna Baptiste called the demand “a ransom note” and said "
                        + "fans would march on Saturday. Mayor Dana Whitfield said on Monday that the bridge would open.")
                .stream().filter(c -> c.type() == ClaimType.INDIRECT_QUOTE).toList();
        assertThat(reported).extracting(ExtractedClaim::text).containsExactly("the provision was “prudent”",
                "fans would march on Saturday", "the bridge would open");
        assertThat(reported).extracting(ExtractedClaim::speaker).containsExactly("Raj Malhotra", "Lorna Baptiste",
                "Dana Whitfield");
    }

    @Test
    void pronounsSkipOrganisationsAndSpokespeopleSpeakForTheirOrganisation() {
        List<ExtractedClaim> q = quotes("A deckhand, Aaron Pike, reported the fault to Calder Bay Ferries, which said it"
                + " would act.\n\n“I was told to keep my head down,” he said.\n\nThe Southern Counties League met on Monday."
                + " A league spokesman said: “We hope for an agreement.”\n\nAccording to the company’s statement, “All"
                + " ferries are safe.”");
        assertThat(q).extracting(ExtractedClaim::speaker).containsExactly("Aaron Pike", "Southern Counties League",
                "Calder Bay Ferries");
    }

    @Test
    void institutionsInLowerCaseSpeakAsTheOrganisationNamedBefore() {
        List<ExtractedClaim> claims = ClaimExtractor.extract("The Lowmoor Combined Transport Authority took over the"
                + " contracts in 2022. The transport authority said it had asked both sides to meet on Thursday.\n\n"
                + "Wexcombe Fire and Rescue Service sent 12 crews. The fire service said in a statement that the roof had"
                + " collapsed. According to the statement, “Crews faced extremely challenging conditions.”\n\n"
                + "The state health department said it would review the merger within 90 days.");
        assertThat(claims.stream().filter(c -> c.type().isQuote())).extracting(ExtractedClaim::speaker).containsExactly(
                "Lowmoor Combined Transport Authority", "Wexcombe Fire and Rescue Service", "Wexcombe Fire and Rescue Service",
                "state health department");
    }

    @Test
    void aQuoteParagraphAfterAParagraphAboutSomeoneIsTheirs() {
        List<ExtractedClaim> q = quotes("Paul Mendes, a teacher in Leeds, received the notification on Wednesday.\n\n"
                + "“It took them three weeks to tell us.”");
        assertThat(q).singleElement().satisfies(c -> assertThat(c.speaker()).isEqualTo("Paul Mendes"));
        // Not when the quote goes on in the same paragraph as another sentence about someone else.
        assertThat(quotes("The council met on Monday. “It took them three weeks to tell us.”"))
                .singleElement().satisfies(c -> assertThat(c.speaker()).isNull());
    }

    @Test
    void aQuoteParagraphAfterAnotherPersonsParagraphIsNotGivenTheEarlierSpeaker() {
        // Paragraphs separated by single line breaks, as pasted from many CMSs.
        List<ExtractedClaim> q = quotes("Mayor Ellen Park defended the decision.\n“We need more time,” Park said.\n"
                + "Dr. Samuel Okafor, an engineer who has advised the council since 2021, disagreed.\n"
                + "“The structure is sound, but the budget is not.”");
        assertThat(q).extracting(ExtractedClaim::speaker).containsExactly("Ellen Park", "Samuel Okafor");
    }

    @Test
    void spokespeopleDocumentsAndItSpeakForWhatWasNamedBefore() {
        List<ExtractedClaim> claims = ClaimExtractor.extract("Harbour City Council met on Tuesday. A council spokesman said:"
                + " “The vote will be held in March.”\nSt. Mary's Hospital opened a wing. A hospital spokeswoman said:"
                + " “Waiting times will fall.”\nThe report, published by the audit office, said waiting lists had doubled"
                + " since 2019.\nLedgerly, the budgeting app used in Britain and Ireland, said hackers had accessed the"
                + " names. Affected customers were being contacted by email, it said.");
        List<ExtractedClaim> quotes = claims.stream().filter(c -> c.type().isQuote()).toList();
        assertThat(quotes).extracting(ExtractedClaim::speaker).containsExactly("Harbour City Council",
                "St. Mary's Hospital", "the report", "Ledgerly", "Ledgerly");
        assertThat(quotes.subList(0, 3)).extracting(ExtractedClaim::speakerKind).containsExactly(SpeakerKind.ORGANISATION,
                SpeakerKind.ORGANISATION, SpeakerKind.DOCUMENT);
        assertThat(claims).filteredOn(c -> c.type() == ClaimType.INDIRECT_QUOTE).extracting(ExtractedClaim::text)
                .contains("Affected customers were being contacted by email");
    }

    @Test
    void noIsAnAbbreviationOnlyBeforeANumber() {
        String body = "Ana Ruiz voted no. “The numbers don't add up,” Ruiz said. She lives at No. 10 Harbor Street.";
        List<Span> sentences = SentenceSplitter.split(body, QuoteFinder.find(body));
        assertThat(sentences).extracting(s -> body.substring(s.start(), s.end())).containsExactly("Ana Ruiz voted no.",
                "“The numbers don't add up,” Ruiz said.", "She lives at No. 10 Harbor Street.");
    }

    @Test
    void whatTheThirdUnseenSetTaught() {
        // A name inside a quote is not who "she" is.
        List<ExtractedClaim> q = quotes("Prime Minister Kadri Tamm won. Analyst Liis Mägi said the talks could take weeks."
                + " “Tamm needs two partners,” she said. “That is never quick.”");
        assertThat(q).extracting(ExtractedClaim::speaker).containsOnly("Liis Mägi");
        // A person introduced with a role after the name; then "he said".
        q = quotes("Tom Bledsoe, the emergency director for Perry County, spent the night on high ground.\n\n"
                + "“I have never seen water come up like that,” he said.");
        assertThat(q).singleElement().satisfies(c -> assertThat(c.speaker()).isEqualTo("Tom Bledsoe"));
        // The second half of a quoted sentence split by its attribution is direct speech too.
        q = quotes("Governor Dana Whitfield visited Hazard. “We will rebuild,” Whitfield said, “but right now we are"
                + " finding people.”");
        assertThat(q).extracting(c -> c.type() + " " + c.speaker()).containsExactly("DIRECT_QUOTE Dana Whitfield",
                "DIRECT_QUOTE Dana Whitfield");
        // Two appositions before the verb; a bank named as one word.
        List<ExtractedClaim> reported = ClaimExtractor.extract("Marla Combs, 58, who was lifted from her roof, said she had"
                + " lost nearly everything. The Riksbank cut its rate. The central bank said that inflation was close to"
                + " the target.").stream().filter(c -> c.type() == ClaimType.INDIRECT_QUOTE).toList();
        assertThat(reported).extracting(ExtractedClaim::speaker).containsExactly("Marla Combs", "Riksbank");
    }
}
