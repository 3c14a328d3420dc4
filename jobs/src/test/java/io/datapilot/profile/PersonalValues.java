package io.datapilot.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datapilot.rgpd.SampleValues;
import io.datapilot.testing.Paths;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The sample's personal values, read from its source files without datapilot. */
record PersonalValues(Set<String> tokens, List<String> phrases, String anEmail) {

    static PersonalValues ofSample() throws IOException {
        Map<String, List<String>> customers = SampleValues.customers();
        Set<String> tokens = new HashSet<>();
        List<String> phrases = new ArrayList<>();
        String anEmail = null;
        for (String email : customers.get("email")) {
            if (email != null && email.contains("@")) {
                tokens.add(email);
                anEmail = email;
            }
        }
        for (String name : customers.get("nom")) {
            if (name != null && name.length() >= 4) {
                tokens.add(name);
            }
        }
        for (String phone : customers.get("telephone")) {
            if (phone != null) {
                phrases.add(phone);
            }
        }
        for (String address : customers.get("adresse")) {
            if (address != null) {
                phrases.add(address);
            }
        }
        DateTimeFormatter french = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        for (String birth : customers.get("date_de_naissance")) {
            if (birth != null && birth.matches("\\d{2}/\\d{2}/\\d{4}")) {
                LocalDate date = LocalDate.parse(birth, french);
                tokens.add(birth);
                tokens.add(date.toString());
            }
        }
        JsonNode shops = new ObjectMapper().readTree(Paths.root().resolve("data/sample/magasins.json").toFile());
        for (JsonNode shop : shops) {
            tokens.add(shop.at("/responsable/email").asText());
            phrases.add(shop.at("/responsable/nom").asText());
        }
        return new PersonalValues(tokens, phrases, anEmail);
    }
}
