package dev.lambdaguard.bench;

import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Realistic benign JSON request bodies (orders with customers, addresses and reviews), built from a fixed seed. */
public final class BenignBodies {

  private static final String[] NAMES = {"Ana García", "Liam O'Connor", "Chloé Dubois", "Hiroshi Tanaka",
      "Zoë Müller", "Ивана Петрова", "Mohammed Al-Farsi", "D'Angelo Rossi"};
  private static final String[] STREETS = {"12 Union Street", "Calle Mayor 5, 2º B", "221B Baker St.",
      "Rue de l'Église 3", "Hauptstraße 10", "1600 Amphitheatre Pkwy"};
  private static final String[] REVIEWS = {
      "Great coffee, arrived fast. Would order again!",
      "The grinder is noisy (about 70 dB) but the result is excellent; 4/5.",
      "Select the best plan from their offers — the annual one saves 20%.",
      "Drop me a line if the beans are back in stock, please.",
      "Packaging was damaged: the box said \"fragile\" & still got crushed :(",
      "Price < $20 and quality > expected. Recommended for beginners.",
      "I asked support about order #10452 and they answered within 2 hours."};

  private BenignBodies() {}

  /** An array of {@code count} orders, about 0.5 KB each. */
  public static JsonNode orders(int count, Random random) {
    ObjectMapper mapper = new ObjectMapper();
    ArrayNode orders = mapper.createArrayNode();
    for (int i = 0; i < count; i++) {
      ObjectNode order = orders.addObject();
      order.put("id", "ord-" + (100000 + random.nextInt(900000)));
      order.put("customer", pick(NAMES, random));
      order.put("email", "customer" + random.nextInt(10000) + "@example.com");
      ObjectNode address = order.putObject("address");
      address.put("street", pick(STREETS, random));
      address.put("city", random.nextBoolean() ? "Zürich" : "São Paulo");
      address.put("postalCode", String.valueOf(10000 + random.nextInt(89999)));
      ArrayNode items = order.putArray("items");
      for (int k = 0; k < 2; k++) {
        ObjectNode item = items.addObject();
        item.put("sku", "SKU-" + random.nextInt(9999));
        item.put("name", random.nextBoolean() ? "Espresso beans 1 kg" : "Ceramic burr grinder");
        item.put("quantity", 1 + random.nextInt(5));
      }
      order.put("review", pick(REVIEWS, random));
      order.put("notes", "Leave at the door, ring twice. Call +41 44 668 18 00 if needed.");
    }
    return orders;
  }

  private static String pick(String[] values, Random random) {
    return values[random.nextInt(values.length)];
  }
}
